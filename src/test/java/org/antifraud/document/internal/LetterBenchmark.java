package org.antifraud.document.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.antifraud.document.LetterType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * One letter-rendering thread's cost, phase by phase, without Spring or a database: the
 * execution orders of a fan-out (each case's subject to each of 14 institutions) cut
 * their font subsets, are laid out, saved as PDF/A and signed, as
 * {@code DocumentService.letter} does after the issuing step commits. Prints milliseconds
 * per letter for each phase and the file size.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dportal.skip -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.antifraud.document.internal.LetterBenchmark -Dletters=3000
 * </pre>
 */
public final class LetterBenchmark {

	/**
	 * The banks, payment institutions and operators of the demo seeds, as orders name
	 * them: the 14 institutions a fan-out case's orders go to.
	 */
	private static final List<String> INSTITUTIONS = institutions();

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁龙林欣晨辰瑞鑫鹏晓建国建华志强海燕丹丹思雨梓涵子轩浩然一诺";

	private LetterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int letters = Integer.getInteger("letters", 3000);
		int warmup = Integer.getInteger("warmup", 1000);
		// the letter tests' fonts, templates and demo keys, in a directory of their own
		LetterPdfTests.pki = Files.createTempDirectory("letter-bench-pki");
		LetterPdfTests.setUp();
		Random random = new Random(7);
		for (int i = 0; i < warmup; i++) {
			letter(order(random, i), null, 0);
		}
		long[][] nanos = new long[Phase.values().length][letters];
		long bytes = 0;
		long start = System.nanoTime();
		for (int i = 0; i < letters; i++) {
			bytes += letter(order(random, i), nanos, i);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT,
				"%n%,d execution orders on one thread (after %,d untimed): %.1f letters/s, "
						+ "%.2f ms a letter, %,d bytes a letter%n%n",
				letters, warmup, letters / seconds, seconds * 1e3 / letters, bytes / letters);
		System.out.println("| phase | mean ms | p50 ms | p95 ms | share |");
		System.out.println("|---|---:|---:|---:|---:|");
		long all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).sum();
		for (Phase phase : Phase.values()) {
			long[] sorted = nanos[phase.ordinal()].clone();
			Arrays.sort(sorted);
			long sum = Arrays.stream(sorted).sum();
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.0f %% |%n", phase.label, sum / 1e6 / letters,
					sorted[letters / 2] / 1e6, sorted[(int) (letters * 0.95)] / 1e6, 100.0 * sum / all);
		}
	}

	/** The {@code i}th order: a new subject every 14 letters, one per institution. */
	private static LetterContent order(Random random, int i) {
		Map<String, String> fields = new HashMap<>(SampleLetters.fields(LetterType.EXECUTION_ORDER));
		fields.put("subjectName", name(new Random(i / INSTITUTIONS.size())));
		fields.put("subjectIdNumber", String.format(Locale.ROOT, "3702021990%08d", random.nextInt(100_000_000)));
		return LetterPdfTests.content(LetterType.EXECUTION_ORDER, fields, INSTITUTIONS.get(i % INSTITUTIONS.size()));
	}

	private static List<String> institutions() {
		try {
			JsonNode agencies = new ObjectMapper().readTree(Path.of("seeds", "agencies.json").toFile()).get("agencies");
			List<String> names = new ArrayList<>();
			agencies.forEach((agency) -> {
				if (List.of("BANK", "PAYMENT_INSTITUTION", "TELECOM_OPERATOR").contains(agency.get("type").asText())) {
					names.add(agency.get("name").asText());
				}
			});
			return List.copyOf(names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String name(Random random) {
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		for (int n = 1 + random.nextInt(2); n > 0; n--) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	private enum Phase {

		FONTS("font subsets cut (`LetterFonts.open`)"), LAYOUT("layout (`OfficialLayout.render`)"),
		SAVE("signature reserved, PDF/A save (`LetterSignatures.reserve`, `PdfArchive.save`)"),
		SIGN("signature sealed (`LetterSignatures.seal`)");

		private final String label;

		Phase(String label) {
			this.label = label;
		}

	}

	/**
	 * A letter made as {@code DocumentService.render} and {@code sign} make it, each
	 * phase's time kept in {@code nanos[phase][i]} unless {@code nanos} is null.
	 */
	private static int letter(LetterContent content, long[][] nanos, int i) throws IOException {
		long t0 = System.nanoTime();
		try (PDDocument document = new PDDocument();
				LetterFonts.Session session = LetterPdfTests.fonts.open(document, OfficialLayout.text(content))) {
			long t1 = System.nanoTime();
			OfficialLayout.render(document, session, content);
			long t2 = System.nanoTime();
			AgencyKeys.Signer signer = LetterPdfTests.keys.signer(LetterPdfTests.POLICE);
			LetterSignatures.reserve(document, signer, content.issuerName(), content.title(), content.issuedAt());
			byte[] pdf = PdfArchive.save(document, content.title() + " " + content.number(), content.issuerName(),
					content.issuedAt());
			long t3 = System.nanoTime();
			byte[] signed = LetterSignatures.seal(pdf, signer);
			long t4 = System.nanoTime();
			if (nanos != null) {
				long[] at = { t0, t1, t2, t3, t4 };
				for (Phase phase : Phase.values()) {
					nanos[phase.ordinal()][i] = at[phase.ordinal() + 1] - at[phase.ordinal()];
				}
			}
			return signed.length;
		}
	}

}
