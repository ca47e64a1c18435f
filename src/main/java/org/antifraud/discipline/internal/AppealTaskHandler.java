package org.antifraud.discipline.internal;

import static org.antifraud.discipline.JointDisciplineProcess.TASK_ACCEPT_APPEAL;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_DECIDE_APPEAL;
import static org.antifraud.discipline.JointDisciplineProcess.TASK_VERIFY_APPEAL;

import java.util.Map;

import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.security.Actor;
import org.antifraud.workflow.Decision;
import org.antifraud.workflow.ProcessTaskHandler;
import org.antifraud.workflow.TaskRef;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Completes the tasks of the appeal process: acceptance, verification and decision.
 */
@Component
class AppealTaskHandler extends ProcessTaskHandler {

	private final AppealService appeals;

	private final RuntimeService runtime;

	AppealTaskHandler(AppealService appeals, RuntimeService runtime) {
		super(JointDisciplineProcess.APPEAL_KEY, TASK_ACCEPT_APPEAL, TASK_VERIFY_APPEAL, TASK_DECIDE_APPEAL);
		this.appeals = appeals;
		this.runtime = runtime;
	}

	@Override
	public Map<String, Object> complete(TaskRef task, Map<String, Object> values, Actor actor) {
		String appealId = (String) this.runtime.getVariable(task.processInstanceId(),
				JointDisciplineProcess.VAR_APPEAL_ID);
		switch (task.taskKey()) {
			case TASK_ACCEPT_APPEAL -> this.appeals.accept(appealId, values);
			case TASK_VERIFY_APPEAL -> {
				this.appeals.verify(appealId, values);
				return Map.of();
			}
			default -> this.appeals.decide(appealId, values);
		}
		return Map.of(Decision.VARIABLE, values.get(Decision.VARIABLE));
	}

}
