package org.antifraud.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Evidence uploaded over HTTP to a case or a task: typed by content, text extracted,
 * stored once, read by the case's owners and the uploader only; a bad file is refused
 * with a message naming the field and leaves nothing behind.
 */
class AttachmentApiTests extends ApplicationTestSupport {

	@Test
	void policeAttachEvidenceToTheirCaseAndABankToItsOrderTask() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		byte[] pdf = EvidenceFiles.pdf(1, "转账记录：受害人向涉案账户转账58000元");
		JsonNode filed = upload("police.laoshan", caseId, "转账记录.png", pdf, 201);
		assertThat(filed.path("kind").asText()).isEqualTo("ATTACHMENT");
		assertThat(filed.path("mediaType").asText()).isEqualTo("application/pdf");
		assertThat(filed.path("title").asText()).isEqualTo("转账记录.pdf");
		assertThat(filed.path("status").asText()).isEqualTo("FILED");
		String text = this.jdbc.sql("select text_content from document where id = ?")
			.param(filed.path("id").asText())
			.query(String.class)
			.single();
		assertThat(text.replaceAll("\\s+", "")).contains("受害人向涉案账户转账58000元");
		// a retried upload is the same attachment
		JsonNode again = upload("police.laoshan", caseId, "转账记录.pdf", pdf, 200);
		assertThat(again.path("id").asText()).isEqualTo(filed.path("id").asText());
		// the city bureau owns the case and reads it; a bank without an order sees no
		// case
		assertThat(
				call("leader.city", get("/api/documents/" + filed.path("id").asText() + "/content"), 200).getResponse()
					.getContentAsByteArray())
			.isEqualTo(pdf);
		upload("bank.icbc", caseId, "x.pdf", pdf, 404);
		upload("police.laoshan", "no-such-case", "x.pdf", pdf, 404);

		approveAndServe(caseId);
		String orderTask = null;
		for (JsonNode order : detail("supervisor.city", caseId).path("orders")) {
			if ("ICBC-QD".equals(order.path("institutionCode").asText())) {
				orderTask = order.path("taskId").asText();
			}
		}
		assertThat(orderTask).isNotNull();
		JsonNode proof = call("bank.icbc",
				multipart("/api/tasks/" + orderTask + "/attachments").file(new MockMultipartFile("file", "冻结回执.pdf",
						"application/pdf", EvidenceFiles.pdf(1, "已对账户采取限制措施"))),
				201)
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.transform(this::read);
		assertThat(proof.path("taskId").asText()).isEqualTo(orderTask);
		assertThat(proof.path("caseId").asText()).isEqualTo(caseId);
		// the deciding police read the bank's proof; another bank does not, nor its task
		call("police.laoshan", get("/api/documents/" + proof.path("id").asText()), 200);
		call("bank.qdb", get("/api/documents/" + proof.path("id").asText()), 404);
		assertThat(documents("bank.icbc", "discipline", caseId)).contains("ATTACHMENT:FILED")
			.doesNotContain("DISCIPLINE_NOTICE:ISSUED");
		call("bank.qdb", multipart("/api/tasks/" + orderTask + "/attachments")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", pdf)), 404);
	}

	@Test
	void badUploadsAreRefusedByFieldAndLeaveNothing() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		long before = count();
		JsonNode html = upload("police.laoshan", caseId, "证据.pdf",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), 422);
		assertThat(html.path("errors").findValuesAsText("field")).containsExactly("file");
		assertThat(html.path("detail").asText()).contains("PDF、PNG、JPEG");
		assertThat(upload("police.laoshan", caseId, "加密.pdf", EvidenceFiles.encrypted("user"), 422).path("detail")
			.asText()).contains("加密");
		assertThat(
				upload("police.laoshan", caseId, "坏.pdf", "%PDF-1.7\ngarbage".getBytes(StandardCharsets.US_ASCII), 422)
					.path("detail")
					.asText())
			.contains("损坏");
		JsonNode empty = upload("police.laoshan", caseId, "空.pdf", new byte[0], 400);
		assertThat(empty.path("errors").findValuesAsText("field")).containsExactly("file");
		JsonNode big = upload("police.laoshan", caseId, "大.pdf", new byte[21 * 1024 * 1024], 413);
		assertThat(big.path("detail").asText()).contains("20 MB");
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return this.jdbc.sql("select count(*) from document where kind = 'ATTACHMENT'").query(Long.class).single();
	}

	private JsonNode upload(String user, String caseId, String name, byte[] bytes, int status) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/documents/attachments")
			.file(new MockMultipartFile("file", name, "application/octet-stream", bytes));
		request.param("caseKind", "discipline").param("caseId", caseId);
		return read(call(user, request, status).getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private JsonNode read(String body) {
		try {
			return this.json.readTree(body.isEmpty() ? "{}" : body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
