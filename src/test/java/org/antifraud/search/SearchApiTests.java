package org.antifraud.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.antifraud.document.EvidenceFiles;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;

/**
 * Search over HTTP on the embedded index, kept up to date from the processes' events: a
 * case by a phrase of its facts and by an account's last digits, its letters and
 * attachments, nothing of it for an agency that may not open it.
 */
class SearchApiTests extends ApplicationTestSupport {

	private JsonNode search(String user, String query) throws Exception {
		// MockMvc encodes the URL itself
		return getJson(user, "/api/search?size=200&q=" + query);
	}

	@Test
	void aCaseIsFoundByAPhraseAndByAnAccountsLastDigitsOnlyByThoseWhoMayOpenIt() throws Exception {
		String idNumber = residentId();
		String caseId = fileCase("POLICE_DETERMINED", idNumber);
		eventually(() -> assertThat(search("police.laoshan", idNumber).path("items").findValuesAsText("id"))
			.containsExactly(caseId));
		// a phrase of the facts together with the ID: this case alone, the ID masked in
		// what
		// is shown
		JsonNode byPhrase = search("police.laoshan", "出借银行卡 " + idNumber);
		assertThat(byPhrase.path("items").findValuesAsText("id")).containsExactly(caseId);
		assertThat(byPhrase.path("items").get(0).path("snippets").toString()).contains("<em>");
		assertThat(byPhrase.toString()).doesNotContain(idNumber);
		assertThat(search("police.laoshan", "张三 " + idNumber).path("items").findValuesAsText("id"))
			.containsExactly(caseId);
		// no order yet: the banks learn nothing, not even a count
		JsonNode bank = search("bank.icbc", idNumber);
		assertThat(bank.path("total").asLong()).isZero();
		assertThat(bank.path("facets").path("type").size()).isZero();
		assertThat(search("bank.icbc", "3446").path("items").findValuesAsText("id")).doesNotContain(caseId);

		approveAndServe(caseId);
		eventually(() -> assertThat(search("bank.icbc", idNumber).path("items").findValuesAsText("id"))
			.containsExactly(caseId));
		assertThat(search("police.laoshan", "3446 " + idNumber).path("items").findValuesAsText("id"))
			.containsExactly(caseId);
		// the bank finds its order, not the notice to the subject
		String caseNumber = detail("police.laoshan", caseId).path("caseNumber").asText();
		eventually(
				() -> assertThat(getJson("bank.icbc", "/api/search?type=document&q=协助执行通知书 " + caseNumber).path("items")
					.findValuesAsText("caseRef")).containsOnly(caseId).isNotEmpty());
		String notice = getJson("police.laoshan", "/api/documents?caseKind=discipline&caseId=" + caseId).get(0)
			.path("id")
			.asText();
		assertThat(getJson("police.laoshan", "/api/search?type=document&q=惩戒告知书 " + caseNumber).path("items")
			.findValuesAsText("id")).contains(notice);
		JsonNode bankLetters = getJson("bank.icbc", "/api/search?type=document&q=惩戒告知书 " + caseNumber);
		assertThat(bankLetters.path("items").findValuesAsText("id")).isNotEmpty().doesNotContain(notice);
		assertThat(bankLetters.path("items").findValuesAsText("title")).allMatch((t) -> t.startsWith("协助执行通知书"));
	}

	@Test
	void anAttachmentsTextIsFound() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		call("police.laoshan",
				multipart("/api/documents/attachments")
					.file(new MockMultipartFile("file", "流水.pdf", "application/pdf",
							EvidenceFiles.pdf(1, "受害人于九月二十八日向涉案账户转账五万八千元")))
					.param("caseKind", "discipline")
					.param("caseId", caseId),
				201);
		Thread.sleep(3000);
		System.out.println("DEBUG " + getJson("police.laoshan", "/api/search?type=document&size=5"));
		System.out.println("DEBUG2 " + getJson("admin", "/api/search/status"));
		System.out.println("DEBUG3 " + this.jdbc.sql("select text_content from document where case_id = ?")
			.param(caseId)
			.query(String.class)
			.list());
		eventually(() -> assertThat(search("police.laoshan", "向涉案账户转账").path("items").findValuesAsText("caseRef"))
			.contains(caseId));
	}

	@Test
	void aCommentIsFoundByItsAgencyOnly() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		String review = task("legal.laoshan", caseId, "Task_ReviewDetermination");
		postJson("legal.laoshan", "/api/tasks/" + review + "/comments", Map.of("message", "请补充嫌疑人另一同伙的交易流水"), 201);
		eventually(() -> assertThat(getJson("legal.laoshan", "/api/search?type=comment&q=另一同伙的交易流水").path("items")
			.findValuesAsText("caseRef")).containsExactly(caseId));
		approveAndServe(caseId);
		// the banks that now open the case do not find the police's remark
		eventually(() -> assertThat(search("bank.icbc", "3446").path("items").findValuesAsText("caseRef"))
			.contains(caseId));
		assertThat(getJson("bank.icbc", "/api/search?q=另一同伙的交易流水").path("total").asLong()).isZero();
	}

	@Test
	void onlyAnAdministratorRebuildsTheIndex() throws Exception {
		postJson("police.laoshan", "/api/search/reindex", Map.of(), 403);
		getJson("admin", "/api/search/status");
		JsonNode started = postJson("admin", "/api/search/reindex", Map.of(), 202);
		assertThat(started.has("total")).isTrue();
		eventually(() -> {
			JsonNode status = getJson("admin", "/api/search/status");
			assertThat(status.path("backend").asText()).isEqualTo("lucene");
			assertThat(status.path("reindex").path("running").asBoolean()).isFalse();
			assertThat(status.path("documents").asLong()).isPositive();
		});
		String bad = call("police.laoshan", get("/api/search?from=2026-10-01&to=2026-09-01&size=0"), 400).getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(bad).contains("size");
	}

}
