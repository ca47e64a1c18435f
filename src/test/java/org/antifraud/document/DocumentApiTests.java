package org.antifraud.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.antifraud.common.Now;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Letters issued by the processes, over HTTP: listed on their case, downloaded (audited),
 * verified by upload and by the public code, hidden from agencies outside the audience.
 */
class DocumentApiTests extends ApplicationTestSupport {

	@Test
	void aDisciplineCaseIssuesTheNoticeAndOneOrderPerInstitution() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		JsonNode documents = getJson("police.laoshan", "/api/documents?caseKind=discipline&caseId=" + caseId);
		List<String> types = new ArrayList<>();
		documents.forEach((d) -> types.add(d.path("type").asText()));
		assertThat(types).contains("DISCIPLINE_NOTICE", "EXECUTION_ORDER");
		JsonNode notice = documents.get(types.indexOf("DISCIPLINE_NOTICE"));
		String number = notice.path("number").asText();
		assertThat(number).matches("青公\\(反诈\\)惩字〔2026〕第\\d{4}号");
		assertThat(detail("police.laoshan", caseId).path("noticeNumber").asText()).isEqualTo(number);

		MvcResult download = call("police.laoshan", get("/api/documents/" + notice.path("id").asText() + "/content"),
				200);
		assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
		byte[] pdf = download.getResponse().getContentAsByteArray();
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
		assertThat(text).contains("惩戒告知书", number, "张三", "申诉", "出租、出借银行卡和电话卡供诈骗团伙使用");
		assertThat(getJson("admin", "/api/audit?entityType=document&entityId=" + notice.path("id").asText()).toString())
			.contains("DOCUMENT_DOWNLOADED");

		JsonNode verdict = verify("police.laoshan", pdf);
		assertThat(verdict.path("verdict").asText()).isEqualTo("VALID");
		assertThat(verdict.path("unmodified").asBoolean()).isTrue();
		assertThat(verdict.path("message").asText()).contains("未被篡改");
		byte[] changed = pdf.clone();
		int at = new String(changed, StandardCharsets.ISO_8859_1).indexOf("/Producer");
		changed[at + 12] ^= 0x01;
		assertThat(verify("police.laoshan", changed).path("verdict").asText()).isEqualTo("MODIFIED");

		// the public check shows what the letter is, nothing about the subject
		String code = getJson("police.laoshan", "/api/documents/" + notice.path("id").asText()).path("verificationCode")
			.asText();
		String publicJson = this.mvc.perform(get("/verify/" + code).accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(publicJson).contains("惩戒告知书", number, "青岛市公安局", "ISSUED").doesNotContain("张三");
		assertThat(this.mvc.perform(get("/verify/" + code).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("文书真伪核验", number);
		assertThat(this.mvc.perform(get("/verify/ZZZZ-ZZZZ").accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		// a bank reads its own order, not the notice to the subject
		JsonNode bankDocuments = getJson("bank.icbc", "/api/documents?caseKind=discipline&caseId=" + caseId);
		assertThat(bankDocuments).hasSize(1);
		assertThat(bankDocuments.get(0).path("recipient").asText()).contains("工商银行");
		call("bank.icbc", get("/api/documents/" + notice.path("id").asText()), 404);
		call("bank.icbc", get("/api/documents/" + notice.path("id").asText() + "/content"), 404);
	}

	@Test
	void theRecommendationLetterCarriesTheRecommendationsNumber() throws Exception {
		String id = postJson("procurator.city", "/api/pil-cases", Map.of("source", "JOINT_OFFICE_REFERRAL", "organCode",
				"NFRA-QD", "factsOfHarm", "辖区银行网点对涉诈账户监测不力，致群众财产损失", "relatedCases", List.of()), 201)
			.path("id")
			.asText();
		completeTask("procurator.chief", id, "Task_DecideFiling", Map.of("decision", "APPROVE"));
		completeTask("procurator.city", id, "Task_ServeFilingDecision",
				Map.of("servedOn", Now.today().toString(), "serviceMethod", "IN_PERSON"));
		completeTask("regulator.nfra", id, "Task_RespondToConsultation",
				Map.of("factsConfirmed", "PARTLY", "statement", "已开展排查", "plan", "两个月内完成整改"));
		completeTask("procurator.city", id, "Task_RecordConsultation",
				Map.of("minutes", "双方确认了部分事实", "performed", "NO"));
		completeTask("procurator.city", id, "Task_DraftRecommendation",
				Map.of("caseSource", "联席办移送", "factsOfHarm", "群众被骗资金经涉案账户转移", "nonPerformance", "未依法督促辖内机构落实账户风险管控",
						"legalBasis", "《反电信网络诈骗法》第十五条、第十八条", "recommendations", "督促辖内银行落实涉诈账户分级管控", "urgent", false));
		completeTask("procurator.chief", id, "Task_ApproveRecommendation", Map.of("decision", "APPROVE"));
		runJobs();
		JsonNode documents = getJson("regulator.nfra", "/api/documents?caseKind=pil&caseId=" + id);
		List<String> types = new ArrayList<>();
		documents.forEach((d) -> types.add(d.path("type").asText()));
		assertThat(types).containsExactly("PIL_FILING_DECISION", "PIL_RECOMMENDATION");
		String number = documents.get(1).path("number").asText();
		assertThat(number).matches("青检公建〔2026〕\\d+号");
		JsonNode pil = getJson("procurator.city", "/api/pil-cases/" + id);
		assertThat(pil.toString()).contains(number);
		byte[] pdf = call("regulator.nfra", get("/api/documents/" + documents.get(1).path("id").asText() + "/content"),
				200)
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains("检察建议书", number,
					"国家金融监督管理总局", "群众被骗资金经涉案账户转移", "督促辖内银行落实涉诈账户分级管控", "2个月内");
		}
		assertThat(verify("regulator.nfra", pdf).path("verdict").asText()).isEqualTo("VALID");
	}

	@Test
	void aCorrectionSupersedesTheLetterAndARevocationRevokesIt() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		approveAndServe(caseId);
		JsonNode notice = getJson("police.laoshan", "/api/documents?caseKind=discipline&caseId=" + caseId).get(0);
		String id = notice.path("id").asText();
		byte[] original = call("police.laoshan", get("/api/documents/" + id + "/content"), 200).getResponse()
			.getContentAsByteArray();
		Map<String, Object> correction = Map.of("fields", Map.of("appealChannel", "青岛市公安局反诈中心（市南区宁夏路1号）"), "reason",
				"申诉渠道地址有误");
		// only the issuing city bureau corrects its letter; nothing changes otherwise
		assertThat(postJson("police.laoshan", "/api/documents/" + id + "/corrections", correction, 403).path("detail")
			.asText()).contains("签发机关");
		postJson("bank.icbc", "/api/documents/" + id + "/corrections", correction, 404);
		JsonNode unknown = postJson("leader.city", "/api/documents/" + id + "/corrections",
				Map.of("fields", Map.of("nickname", "x"), "reason", "r"), 400);
		assertThat(unknown.path("errors").findValuesAsText("field")).containsExactly("fields.nickname");
		assertThat(documents("leader.city", "discipline", caseId)).startsWith("DISCIPLINE_NOTICE:ISSUED");

		JsonNode corrected = postJson("leader.city", "/api/documents/" + id + "/corrections", correction, 201);
		assertThat(corrected.path("supersedes").asText()).isEqualTo(id);
		assertThat(corrected.path("number").asText()).isNotEqualTo(notice.path("number").asText());
		assertThat(getJson("leader.city", "/api/documents/" + id).path("supersededBy").asText())
			.isEqualTo(corrected.path("id").asText());
		byte[] fixed = call("police.laoshan", get("/api/documents/" + corrected.path("id").asText() + "/content"), 200)
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(fixed)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", "")).contains("宁夏路1号", "张三");
		}
		// the old copy still verifies as signed, but as superseded; a second correction
		// of it
		// is refused
		assertThat(verify("police.laoshan", original).path("verdict").asText()).isEqualTo("SUPERSEDED");
		postJson("leader.city", "/api/documents/" + id + "/corrections", correction, 409);

		JsonNode revoked = postJson("leader.city", "/api/documents/" + corrected.path("id").asText() + "/revocation",
				Map.of("reason", "认定已被撤销"), 200);
		assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
		assertThat(verify("police.laoshan", fixed).path("verdict").asText()).isEqualTo("REVOKED");
		postJson("leader.city", "/api/documents/" + corrected.path("id").asText() + "/revocation",
				Map.of("reason", "再次撤销"), 409);
		assertThat(this.mvc
			.perform(get("/verify/" + revoked.path("verificationCode").asText()).accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("REVOKED", "已撤销");
		assertThat(documents("leader.city", "discipline", caseId)).startsWith("DISCIPLINE_NOTICE:SUPERSEDED")
			.contains("DISCIPLINE_NOTICE:REVOKED");
	}

	private JsonNode verify(String user, byte[] pdf) throws Exception {
		MvcResult result = call(user, multipart("/api/documents/verify")
			.file(new MockMultipartFile("file", "letter.pdf", "application/pdf", pdf)), 200);
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
