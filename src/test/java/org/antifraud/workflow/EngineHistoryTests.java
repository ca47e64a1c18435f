package org.antifraud.workflow;

import org.antifraud.ApplicationTestSupport;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new database records the engine's audit history (tasks, activities, each variable's
 * last value), which the inbox and the task commands read, but not full history's detail
 * rows, which nothing reads and which cost a ninth of a case's statements.
 */
class EngineHistoryTests extends ApplicationTestSupport {

	@Test
	void aNewDatabaseKeepsAuditHistory() {
		HistoryLevel level = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration())
			.getHistoryLevel();
		assertThat(level).isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT);
		assertThat(this.engine.getManagementService().getProperties().get("historyLevel"))
			.isEqualTo(Integer.toString(HistoryLevel.HISTORY_LEVEL_AUDIT.getId()));
	}

}
