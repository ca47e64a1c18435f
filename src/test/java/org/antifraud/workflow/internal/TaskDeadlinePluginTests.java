package org.antifraud.workflow.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.antifraud.ApplicationTestSupport;
import org.antifraud.workflow.TaskOpened;
import org.junit.jupiter.api.Test;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's deadline follows the task: a claim (the assignee is all that changes) leaves
 * it alone, a new due date moves it.
 */
@RecordApplicationEvents
class TaskDeadlinePluginTests extends ApplicationTestSupport {

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private TaskService tasks;

	@Autowired
	private JdbcClient sql;

	@Test
	void aClaimLeavesTheDeadlineAloneAndANewDueDateMovesIt() throws Exception {
		String caseId = fileCase("POLICE_DETERMINED", residentId());
		Task review = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseId)
			.taskDefinitionKey("Task_ReviewDetermination")
			.singleResult();
		Instant due = dueAt(review.getId());
		assertThat(due).isEqualTo(review.getDueDate().toInstant());

		this.events.clear();
		this.tasks.setAssignee(review.getId(), "legal.laoshan");
		assertThat(this.events.stream(TaskOpened.class)).isEmpty();
		assertThat(dueAt(review.getId())).isEqualTo(due);

		Instant later = due.plus(3, ChronoUnit.DAYS);
		this.tasks.setDueDate(review.getId(), Date.from(later));
		List<TaskOpened> moved = this.events.stream(TaskOpened.class).toList();
		assertThat(moved).singleElement().satisfies((event) -> {
			assertThat(event.dueAt()).isEqualTo(later);
			assertThat(event.created()).isFalse();
		});
		assertThat(dueAt(review.getId())).isEqualTo(later);
	}

	private Instant dueAt(String taskId) {
		return this.sql.sql("select due_at from deadline where id = ?")
			.param("TASK:" + taskId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

}
