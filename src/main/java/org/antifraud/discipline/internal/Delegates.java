package org.antifraud.discipline.internal;

import org.antifraud.discipline.JointDisciplineProcess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service-task adapters of the discipline processes, each named as in the BPMN
 * models: read the case or order id, call one service method, write back the variables it
 * returns.
 */
@Configuration(proxyBeanMethods = false)
class Delegates {

	private static String caseId(DelegateExecution execution) {
		return (String) execution.getVariable(JointDisciplineProcess.VAR_CASE_ID);
	}

	private static String itemId(DelegateExecution execution) {
		return (String) execution.getVariable(JointDisciplineProcess.VAR_ITEM_ID);
	}

	@Bean
	JavaDelegate determineMeasuresDelegate(DisciplineService service) {
		return (execution) -> service.determineMeasures(caseId(execution));
	}

	@Bean
	JavaDelegate issueExecutionOrdersDelegate(DisciplineService service) {
		return (execution) -> execution.setVariables(service.activate(caseId(execution)));
	}

	@Bean
	JavaDelegate remindInstitutionDelegate(OrderService orders) {
		return (execution) -> orders.remind(itemId(execution));
	}

	@Bean
	JavaDelegate escalateOverdueOrderDelegate(OrderService orders) {
		return (execution) -> orders.escalate(itemId(execution));
	}

	@Bean
	JavaDelegate markDisciplineActiveDelegate(DisciplineService service) {
		return (execution) -> service.markActive(caseId(execution));
	}

	@Bean
	JavaDelegate issueLiftingOrdersDelegate(OrderService orders) {
		return (execution) -> execution.setVariables(orders.issueLifting(caseId(execution)));
	}

	@Bean
	JavaDelegate closeDisciplineCaseDelegate(DisciplineService service) {
		return (execution) -> service.close(caseId(execution));
	}

	@Bean
	JavaDelegate liftDisciplineDelegate(AppealService appeals) {
		return (execution) -> appeals.lift(caseId(execution));
	}

}
