package org.antifraud.workflow.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Adds the two indexes the task inbox reads once the engine has created or updated its
 * schema (they exist already on every later start): the task table in the inbox's order
 * (priority, due date, age) and the identity links by group. A DBA may create them
 * beforehand under the same names (docs/operations.md).
 */
@Component
class InboxIndexPlugin extends AbstractProcessEnginePlugin {

	static final String INDEX = "AF_IDX_TASK_INBOX";

	static final String LINK_INDEX = "AF_IDX_LINK_GROUP_TASK";

	private ProcessEngineConfigurationImpl configuration;

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		String tasks = engine.getManagementService().getTableName(TaskEntity.class);
		String links = engine.getManagementService().getTableName(IdentityLinkEntity.class);
		try (Connection connection = this.configuration.getDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create index if not exists " + INDEX + " on " + tasks
					+ " (PRIORITY_ desc, DUE_DATE_, CREATE_TIME_, ID_)");
			statement
				.execute("create index if not exists " + LINK_INDEX + " on " + links + " (GROUP_ID_, TYPE_, TASK_ID_)");
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the inbox indexes on " + tasks + " and " + links, ex);
		}
	}

}
