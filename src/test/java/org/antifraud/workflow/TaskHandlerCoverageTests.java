package org.antifraud.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.antifraud.ApplicationTestSupport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every deployed user task has a completion handler, so no task can be completed without
 * its business result being recorded.
 */
class TaskHandlerCoverageTests extends ApplicationTestSupport {

	@Autowired
	private List<TaskCompletionHandler> handlers;

	@Test
	void everyUserTaskHasAHandler() {
		List<ProcessDefinition> definitions = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.latestVersion()
			.list();
		assertThat(definitions).extracting(ProcessDefinition::getKey)
			.contains("JointDisciplineProcess", "DisciplineAppealProcess");
		for (ProcessDefinition definition : definitions) {
			for (UserTask task : this.engine.getRepositoryService()
				.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(UserTask.class)) {
				assertThat(this.handlers).as(definition.getKey() + "/" + task.getId())
					.anyMatch((handler) -> handler.processKey().equals(definition.getKey())
							&& handler.handles(task.getId()));
			}
		}
	}

}
