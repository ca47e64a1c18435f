package org.antifraud.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.antifraud.agency.Role;
import org.antifraud.search.CaseSearch;
import org.antifraud.search.SearchDocument;
import org.antifraud.search.SearchQuery;
import org.antifraud.search.SearchResult;
import org.antifraud.security.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every search backend must answer alike on the same corpus: Chinese phrases over
 * scattered characters, names, exact identifiers and number tails, filters, facets,
 * paging, escaped highlights, trimming to the caller's agency and masking.
 */
abstract class CaseSearchContract {

	static final Actor POLICE = new Actor("p", "p", "QD-PSB-LS", Set.of(Role.POLICE_OFFICER));

	static final Actor ICBC = new Actor("b", "b", "ICBC-QD", Set.of(Role.BANK_OFFICER));

	static final Actor QDB = new Actor("q", "q", "QDB", Set.of(Role.BANK_OFFICER));

	static final Actor SUPERVISOR = new Actor("s", "s", "QD-JO", Set.of(Role.SUPERVISOR));

	static final String RESIDENT_ID = "370212199003151234";

	private CaseSearch search;

	/** Opens the backend under test, empty. */
	abstract CaseSearch open();

	CaseSearch search() {
		return this.search;
	}

	@BeforeEach
	void corpus() {
		this.search = open();
		index(doc("discipline", "c1", "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS", "ICBC-QD"), "2026-09-28",
				List.of(RESIDENT_ID, "QD-PSB-LS-2026-DISC-00001", "6222020200112233446"),
				List.of("6222020200112233446"), "王小明", "当事人出租出借两卡供诈骗团伙使用，联系电话13800138000"), 10);
		index(doc("discipline", "c2", "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS", "QDB"), "2026-10-08",
				List.of("370212198501011235"), List.of("6217000000000000004"), "李四", "两个人分别办理了银行卡，与诈骗无关的卡片业务"), 10);
		index(doc("discipline", "c3", "LIFTED", "QD-PSB-SN", Set.of("QD-PSB-SN"), "2025-12-01", List.of(), List.of(),
				"王某", "小明同学在网吧收购电话卡<script>alert(1)</script>两卡"), 10);
		index(doc("pil", "p1", "OPEN", "QD-PROC", Set.of("QD-PROC"), "2026-10-09", List.of("青检公建〔2026〕1号"), List.of(),
				"国家金融监督管理总局青岛监管局", "辖区银行对两卡风险监测不力"), 10);
	}

	void index(SearchDocument document, long version) {
		search().index(List.of(document), version);
	}

	static SearchDocument doc(String type, String id, String status, String agency, Set<String> readers, String date,
			List<String> identifiers, List<String> numbers, String names, String text) {
		return new SearchDocument(type, id, id, names + " · " + id, status, agency, readers, LocalDate.parse(date),
				identifiers, numbers, names, text);
	}

	SearchResult find(Actor actor, String text) {
		return find(actor, new SearchQuery(text, null, null, null, null, null, 0, 20));
	}

	SearchResult find(Actor actor, SearchQuery query) {
		return search().search(query, actor);
	}

	static List<String> ids(SearchResult result) {
		return result.items().stream().map(SearchResult.Hit::id).toList();
	}

	@Test
	void aChinesePhraseRanksAboveItsCharactersScattered() {
		List<String> found = ids(find(SUPERVISOR, "两卡"));
		// c2 has 两 and 卡 apart: found, but after every text with the phrase
		assertThat(found).containsExactlyInAnyOrder("c1", "c2", "c3", "p1");
		assertThat(found.get(3)).isEqualTo("c2");
		assertThat(ids(find(SUPERVISOR, "出借两卡"))).containsExactly("c1");
	}

	@Test
	void aFullNameFindsThePersonFirst() {
		List<String> found = ids(find(SUPERVISOR, "王小明"));
		// c3 has 王, 小 and 明 (王某 … 小明同学): found, below the person
		assertThat(found).first().isEqualTo("c1");
		assertThat(ids(find(SUPERVISOR, "李四"))).containsExactly("c2");
	}

	@Test
	void identifiersAreFoundExactlyAndNumbersByTheirTail() {
		assertThat(ids(find(POLICE, RESIDENT_ID))).containsExactly("c1");
		assertThat(ids(find(POLICE, "qd-psb-ls-2026-disc-00001"))).containsExactly("c1");
		assertThat(ids(find(SUPERVISOR, "青检公建〔2026〕1号"))).containsExactly("p1");
		assertThat(ids(find(POLICE, "3446"))).containsExactly("c1");
		assertThat(ids(find(POLICE, "112233446"))).containsExactly("c1");
		assertThat(ids(find(POLICE, "446"))).isEmpty();
		assertThat(ids(find(POLICE, "0004"))).containsExactly("c2");
	}

	@Test
	void filtersAndFacetsCountOnlyWhatMatches() {
		SearchResult all = find(SUPERVISOR, "两卡");
		assertThat(all.total()).isEqualTo(4);
		assertThat(all.facets().get("type")).containsEntry("discipline", 3L).containsEntry("pil", 1L);
		assertThat(all.facets().get("status")).containsEntry("EXECUTING", 2L).containsEntry("LIFTED", 1L);
		assertThat(all.facets().get("year")).containsEntry("2026", 3L).containsEntry("2025", 1L);
		assertThat(
				ids(find(SUPERVISOR, new SearchQuery("两卡", "discipline", "QD-PSB-LS", "EXECUTING", null, null, 0, 20))))
			.containsExactlyInAnyOrder("c1", "c2");
		assertThat(ids(find(SUPERVISOR, new SearchQuery("两卡", null, null, null, LocalDate.parse("2026-10-01"),
				LocalDate.parse("2026-10-31"), 0, 20))))
			.containsExactlyInAnyOrder("c2", "p1");
		assertThat(find(SUPERVISOR, new SearchQuery(null, "pil", null, null, null, null, 0, 20)).total()).isOne();
	}

	@Test
	void pagesSplitTheSameOrder() {
		List<String> all = ids(find(SUPERVISOR, "两卡"));
		SearchResult first = find(SUPERVISOR, new SearchQuery("两卡", null, null, null, null, null, 0, 2));
		SearchResult second = find(SUPERVISOR, new SearchQuery("两卡", null, null, null, null, null, 1, 2));
		assertThat(first.total()).isEqualTo(4);
		assertThat(second.total()).isEqualTo(4);
		assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
		assertThat(ids(second)).containsExactlyElementsOf(all.subList(2, 4));
	}

	@Test
	void snippetsMarkMatchesAndEscapeEverythingElse() {
		SearchResult.Hit hit = find(SUPERVISOR, "两卡").items()
			.stream()
			.filter((h) -> h.id().equals("c3"))
			.findFirst()
			.orElseThrow();
		String snippets = String.join("", hit.snippets());
		assertThat(snippets).contains("<em>两卡</em>", "&lt;script&gt;").doesNotContain("<script>");
		assertThat(snippets.replaceAll("</?em>", "")).doesNotContain("<", ">");
	}

	@Test
	void snippetsAreShortPassagesAroundTheMatch() {
		String filler = "经查，当事人于案发期间多次往返本市与外地之间办理业务，相关资金流水已调取核实".repeat(20);
		index(doc("discipline", "c9", "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-10-20", List.of(), List.of(),
				"赵六", filler + "并向他人出售跑分账户" + filler), 10);
		SearchResult.Hit hit = find(SUPERVISOR, "跑分账户").items().get(0);
		assertThat(hit.id()).isEqualTo("c9");
		assertThat(hit.snippets()).isNotEmpty().allSatisfy((snippet) -> {
			assertThat(snippet).contains("<em>跑分账户</em>");
			assertThat(snippet.replaceAll("</?em>", "").length()).isBetween(20, 160);
		});
	}

	@Test
	void aBankNeverLearnsOfAnotherBanksCase() {
		SearchResult icbc = find(ICBC, "两卡");
		assertThat(ids(icbc)).containsExactly("c1");
		assertThat(icbc.total()).isOne();
		assertThat(icbc.facets().get("agency")).containsOnlyKeys("QD-PSB-LS").containsEntry("QD-PSB-LS", 1L);
		assertThat(icbc.facets().get("status")).containsOnlyKeys("EXECUTING");
		// nor by an identifier of it
		assertThat(find(QDB, RESIDENT_ID).total()).isZero();
		assertThat(find(QDB, "3446").total()).isZero();
		assertThat(find(QDB, "3446").facets().values()).allMatch(java.util.Map::isEmpty);
	}

	@Test
	void residentIdsAndPhonesAreMaskedInWhatIsShown() {
		SearchResult.Hit hit = find(POLICE, RESIDENT_ID).items().get(0);
		SearchResult phone = find(POLICE, "联系电话");
		String shown = hit.title() + phone.items().get(0).snippets();
		assertThat(shown).doesNotContain(RESIDENT_ID, "13800138000").contains("138****8000");
	}

	@Test
	void anOlderVersionNeverOverwritesANewerOne() {
		index(doc("discipline", "c1", "LIFTED", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28", List.of(), List.of(),
				"王小明", "新的内容"), 12);
		index(doc("discipline", "c1", "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28", List.of(), List.of(),
				"王小明", "旧的内容"), 11);
		SearchResult found = find(POLICE, "王小明");
		assertThat(found.items().get(0).status()).isEqualTo("LIFTED");
		assertThat(find(POLICE, "旧的内容").total()).isZero();
		assertThat(search().maxVersion()).isGreaterThanOrEqualTo(12);
	}

	@Test
	void anUnchangedItemStillMovesToTheNewerVersion() {
		SearchDocument current = doc("discipline", "c9", "EXECUTING", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28",
				List.of(), List.of(), "赵六", "当前的内容");
		index(current, 20);
		// read again at a later version without a change (the index may skip rewriting
		// it)
		index(current, 22);
		// a late reader of version 21 holds older content: it must not win
		index(doc("discipline", "c9", "LIFTED", "QD-PSB-LS", Set.of("QD-PSB-LS"), "2026-09-28", List.of(), List.of(),
				"赵六", "较早的内容"), 21);
		assertThat(find(POLICE, "赵六").items().get(0).status()).isEqualTo("EXECUTING");
		assertThat(find(POLICE, "较早的内容").total()).isZero();
	}

}
