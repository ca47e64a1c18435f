package org.antifraud.search.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.antifraud.agency.Role;
import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchProperties;
import org.antifraud.search.SearchQuery;
import org.antifraud.security.Actor;

/**
 * Indexes synthetic cases into Lucene and Elasticsearch in the same run and prints docs/s
 * and p50/p95/p99 latency for a fixed query mix. Not a test: run it by hand (see
 * docs/performance.md).
 *
 * <pre>
 * bash infra/elasticsearch/start.sh
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=org.antifraud.search.internal.SearchBenchmark -Dcases=1000000
 * </pre>
 */
public final class SearchBenchmark {

	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
		.split("");

	private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志明春梅海燕宇浩然子涵欣怡梓轩思远晨曦".split("");

	private static final String[] FACTS = { "出租、出借银行卡供诈骗团伙使用", "收购、出售电话卡", "帮助转移诈骗资金", "冒充客服实施诈骗", "开立多个账户用于跑分",
			"为诈骗团伙提供两卡", "以刷单返利为名骗取财物", "冒充公检法人员实施诈骗", "提供支付结算帮助", "非法买卖物联网卡", "组织他人出境从事电信网络诈骗", "利用虚拟货币转移赃款",
			"设立虚假投资平台", "发送诈骗短信", "搭建改号平台", "为诈骗窝点提供技术支持" };

	private static final String[] PLACES = { "崂山区", "市南区", "市北区", "李沧区", "黄岛区", "城阳区", "即墨区", "胶州市", "平度市", "莱西市" };

	private static final String[] POLICE = { "QD-PSB-LS", "QD-PSB-SN", "QD-PSB-SB", "QD-PSB-LC", "QD-PSB-HD" };

	private static final String[] BANKS = { "ICBC-QD", "QDB", "ABC-QD", "BOC-QD", "CCB-QD", "BOCOM-QD", "PSBC-QD",
			"QRCB", "CMCC-QD", "UNICOM-QD" };

	private static final String[] TYPES = { "discipline", "discipline", "discipline", "account", "card-verification",
			"stop-payment", "pil", "rectification" };

	private static final String[] STATUSES = { "EXECUTING", "ACTIVE", "LIFTED", "PENDING_APPROVAL", "CLOSED" };

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int cases = Integer.getInteger("cases", 200_000);
		int queries = Integer.getInteger("queries", 500);
		Path directory = Files.createTempDirectory("search-bench");
		List<String> ids = new ArrayList<>();
		List<String> accounts = new ArrayList<>();
		System.out.printf("Search benchmark: %,d synthetic cases, %,d queries per kind%n", cases, queries);
		Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
		try (LuceneCaseSearch lucene = new LuceneCaseSearch(SearchProperties.lucene(directory))) {
			double rate = load(cases, ids, accounts, lucene::bulk);
			System.out.printf("lucene: indexed at %,.0f docs/s%n", rate);
			results.put("lucene", measure(lucene, queries, ids, accounts));
		}
		String url = System.getProperty("es", (Files.exists(Path.of("target/elasticsearch/url")))
				? Files.readString(Path.of("target/elasticsearch/url")).strip() : null);
		if (url != null) {
			try (ElasticsearchCaseSearch elasticsearch = new ElasticsearchCaseSearch(
					new SearchProperties.Elasticsearch(url, "bench-" + System.currentTimeMillis(), null, null))) {
				double rate = load(cases, new ArrayList<>(), new ArrayList<>(), elasticsearch::bulk);
				elasticsearch.refresh();
				System.out.printf("elasticsearch: indexed at %,.0f docs/s%n", rate);
				results.put("elasticsearch", measure(elasticsearch, queries, ids, accounts));
				elasticsearch.deleteIndex();
			}
		}
		else {
			System.out.println("elasticsearch: not running (bash infra/elasticsearch/start.sh, or -Des=<url>)");
		}
		System.out.printf("%n%-14s %-26s %8s %8s %8s%n", "backend", "query", "p50 ms", "p95 ms", "p99 ms");
		results.forEach((backend, kinds) -> kinds.forEach(
				(kind, p) -> System.out.printf("%-14s %-26s %8.1f %8.1f %8.1f%n", backend, kind, p[0], p[1], p[2])));
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("%nheap used %,d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
	}

	interface Loader {

		void bulk(List<SearchDocument> batch, long version);

	}

	/**
	 * Generates the same cases for every backend (fixed seed) and loads them in batches.
	 */
	private static double load(int cases, List<String> ids, List<String> accounts, Loader loader) {
		Random random = new Random(20261125L);
		List<SearchDocument> batch = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < cases; i++) {
			batch.add(synthetic(i, random, ids, accounts));
			if (batch.size() == 5_000) {
				loader.bulk(batch, 1);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			loader.bulk(batch, 1);
		}
		return cases / ((System.nanoTime() - start) / 1e9);
	}

	private static SearchDocument synthetic(int i, Random random, List<String> ids, List<String> accounts) {
		String name = pick(random, SURNAMES) + pick(random, GIVEN)
				+ ((random.nextBoolean()) ? pick(random, GIVEN) : "");
		LocalDate birth = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
		String id = residentId(
				"370212" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000)));
		String account = bankCard(
				"622202" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L)));
		String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
		String police = pick(random, POLICE);
		String bank = pick(random, BANKS);
		String facts = pick(random, PLACES) + "居民" + name + "于" + (2023 + random.nextInt(4)) + "年" + pick(random, FACTS)
				+ "，并" + pick(random, FACTS) + "，涉案金额" + (1000 + random.nextInt(500_000)) + "元，联系电话" + phone + "。";
		if (ids.size() < 10_000) {
			ids.add(id);
			accounts.add(account.substring(account.length() - 6));
		}
		String type = pick(random, TYPES);
		return new SearchDocument(type, "bench-" + i, "bench-" + i, name + " · " + type + " QD-2026-" + i,
				pick(random, STATUSES), police, Set.of(police, bank),
				LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1400)), List.of(id, account, phone, "QD-2026-" + i),
				List.of(account, phone), name, facts);
	}

	/** The p50, p95 and p99 of each query kind, after a warm-up. */
	private static Map<String, double[]> measure(CaseSearch search, int queries, List<String> ids,
			List<String> accounts) {
		Actor supervisor = new Actor("s", "s", "QD-JO", Set.of(Role.SUPERVISOR));
		Actor bank = new Actor("b", "b", "ICBC-QD", Set.of(Role.BANK_OFFICER));
		Random random = new Random(7);
		Map<String, Function<Integer, SearchQuery>> kinds = new LinkedHashMap<>();
		kinds.put("two-term Chinese",
				(n) -> query(pick(random, FACTS).substring(0, 2) + " " + pick(random, PLACES), null));
		kinds.put("exact resident ID", (n) -> query(ids.get(random.nextInt(ids.size())), null));
		kinds.put("phrase", (n) -> query(pick(random, FACTS).substring(2, 6), null));
		kinds.put("account last 6 digits", (n) -> query(accounts.get(random.nextInt(accounts.size())), null));
		kinds.put("filters + facets", (n) -> query(pick(random, FACTS).substring(0, 4), "discipline"));
		Map<String, double[]> percentiles = new LinkedHashMap<>();
		List<Double> mix = new ArrayList<>();
		kinds.forEach((kind, make) -> {
			for (int i = 0; i < Math.min(100, queries); i++) {
				search.search(make.apply(i), supervisor);
			}
			double[] millis = new double[queries];
			for (int i = 0; i < queries; i++) {
				SearchQuery query = make.apply(i);
				Actor actor = (i % 2 == 0) ? supervisor : bank;
				long start = System.nanoTime();
				search.search(query, actor);
				millis[i] = (System.nanoTime() - start) / 1e6;
				mix.add(millis[i]);
			}
			percentiles.put(kind, percentiles(millis));
		});
		percentiles.put("whole mix", percentiles(mix.stream().mapToDouble(Double::doubleValue).toArray()));
		return percentiles;
	}

	private static double[] percentiles(double[] millis) {
		Arrays.sort(millis);
		int n = millis.length;
		return new double[] { millis[(int) (n * 0.50)], millis[(int) (n * 0.95)],
				millis[Math.min(n - 1, (int) (n * 0.99))] };
	}

	private static SearchQuery query(String text, String type) {
		return new SearchQuery(text, type, null, (type != null) ? "EXECUTING" : null,
				(type != null) ? LocalDate.of(2024, 1, 1) : null, null, 0, 20);
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	/** Seventeen digits and their ISO 7064 MOD 11-2 check character. */
	static String residentId(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	/** Digits and their Luhn check digit. */
	static String bankCard(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return digits + ((10 - sum % 10) % 10);
	}

}
