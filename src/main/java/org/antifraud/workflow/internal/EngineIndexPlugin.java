package org.antifraud.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Adds the indexes the product's reads of the engine's tables need, once the engine has
 * created or updated its schema (they exist already on every later start): the task inbox
 * (identity links by group, tasks by due date) and job acquisition (due jobs in due
 * order, locked jobs), which otherwise reads every timer of every open order. A DBA may
 * create them beforehand under the same names (docs/operations.md).
 */
@Component
class EngineIndexPlugin extends AbstractProcessEnginePlugin {

	private ProcessEngineConfigurationImpl configuration;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		try (Connection connection = this.configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			for (String index : indexes(engine.getManagementService())) {
				statement.execute(index);
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the product's indexes on the engine's tables", ex);
		}
	}

	/** The statements, each {@code create index if not exists}. */
	static List<String> indexes(ManagementService management) {
		String tasks = management.getTableName(TaskEntity.class);
		String links = management.getTableName(IdentityLinkEntity.class);
		String jobs = management.getTableName(JobEntity.class);
		return List.of(index("AF_IDX_LINK_GROUP_TASK", links, "GROUP_ID_, TYPE_, TASK_ID_"),
				// completing a task looks for its subtasks by parent: without this,
				// a read of every open task per completion
				index("AF_IDX_TASK_PARENT", tasks, "PARENT_TASK_ID_"),
				// the inbox's overdue filter counts the tasks past their due date,
				// from the index alone
				index("AF_IDX_TASK_DUE", tasks, "DUE_DATE_, ID_, ASSIGNEE_"), index("AF_IDX_JOB_DUE", jobs, "DUEDATE_"),
				index("AF_IDX_JOB_LOCK_EXP", jobs, "LOCK_EXP_TIME_"));
	}

	private static String index(String name, String table, String columns) {
		return "create index if not exists " + name + " on " + table + " (" + columns + ")";
	}

}
