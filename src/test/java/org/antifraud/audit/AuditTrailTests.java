package org.antifraud.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.antifraud.ApplicationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit trail is chained, complete for committed changes and empty for rolled-back
 * ones, and a changed row is found by the verify operation.
 */
class AuditTrailTests extends ApplicationTestSupport {

	@Autowired
	private AuditTrail audit;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void tamperedRowIsDetected() throws Exception {
		fileCase("POLICE_DETERMINED", residentId());
		assertThat(postJson("admin", "/api/audit/verify", Map.of(), 200).path("valid").asBoolean()).isTrue();
		long seq = this.jdbc.sql("select max(seq) from audit_event").query(Long.class).single();
		String original = this.jdbc.sql("select detail from audit_event where seq = ?")
			.param(seq)
			.query(String.class)
			.single();
		this.jdbc.sql("update audit_event set detail = 'changed' where seq = ?").param(seq).update();
		try {
			JsonNode result = postJson("admin", "/api/audit/verify", Map.of(), 200);
			assertThat(result.path("valid").asBoolean()).isFalse();
			assertThat(result.path("firstBrokenSeq").asLong()).isEqualTo(seq);
		}
		finally {
			this.jdbc.sql("update audit_event set detail = ? where seq = ?").params(original, seq).update();
		}
		assertThat(postJson("admin", "/api/audit/verify", Map.of(), 200).path("valid").asBoolean()).isTrue();
	}

	@Test
	void rolledBackChangeLeavesNoRow() {
		long before = count();
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.audit.record("TEST_ACTION", "TEST", "1", null, "rolled back");
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the transaction rolled back
		}
		assertThat(count()).isEqualTo(before);
		this.transactions.executeWithoutResult((status) -> this.audit.record("TEST_ACTION", "TEST", "2", null, "kept"));
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void onlyAdminReadsTheTrail() throws Exception {
		fileCase("POLICE_DETERMINED", residentId());
		call("supervisor.city", get("/api/audit"), 403);
		JsonNode page = getJson("admin", "/api/audit?entityType=DISCIPLINE_CASE&size=5");
		assertThat(page.path("items").size()).isLessThanOrEqualTo(5);
		assertThat(page.path("total").asLong()).isPositive();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
	}

}
