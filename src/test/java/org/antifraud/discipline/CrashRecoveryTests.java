package org.antifraud.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;

import org.antifraud.ApplicationTestSupport;
import org.antifraud.common.Now;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node that dies between two steps: the job that issues execution orders runs, then its
 * transaction never commits. Nothing of it remains, the job is still there, and running
 * it again issues every order exactly once.
 */
class CrashRecoveryTests extends ApplicationTestSupport {

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void ordersIssuedInACrashedTransactionLeaveNoTraceAndAreIssuedOnceOnRetry() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		completeTask("legal.laoshan", caseId, "Task_ReviewDetermination", Map.of("decision", "APPROVE"));
		completeTask("leader.city", caseId, "Task_ApproveDetermination", Map.of("decision", "APPROVE"));
		runJobs();
		completeTask("police.laoshan", caseId, "Task_ServeNotice",
				Map.of("servedOn", Now.today().toString(), "serviceMethod", "MAIL"));
		Job issueOrders = onlyJob(caseId);
		long auditRows = auditRows(caseId);

		assertThatIllegalStateException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.engine.getManagementService().executeJob(issueOrders.getId());
			assertThat(orders(caseId)).isEqualTo(14);
			throw new IllegalStateException("the node dies before commit");
		}));

		assertThat(orders(caseId)).isZero();
		assertThat(auditRows(caseId)).isEqualTo(auditRows);
		assertThat(caseStatus(caseId)).isEqualTo("NOTICE_PENDING");
		assertThat(onlyJob(caseId).getId()).isEqualTo(issueOrders.getId());

		runJobs();
		assertThat(orders(caseId)).isEqualTo(14);
		assertThat(caseStatus(caseId)).isEqualTo("EXECUTING");
		assertThat(postJson("admin", "/api/audit/verify", Map.of(), 200).path("valid").asBoolean()).isTrue();
	}

	private Job onlyJob(String caseId) {
		List<Job> jobs = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstance(caseId))
			.list();
		assertThat(jobs).hasSize(1);
		return jobs.get(0);
	}

	private long orders(String caseId) {
		return this.jdbc.sql("select count(*) from execution_order where case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	private long auditRows(String caseId) {
		return this.jdbc.sql("select count(*) from audit_event where case_ref = ?")
			.param(caseId)
			.query(Long.class)
			.single();
	}

}
