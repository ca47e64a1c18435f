package org.antifraud.procuratorate.internal;

import org.antifraud.procuratorate.ProcuratorialRecommendationProcess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service-task adapters of {@code ProcuratorialRecommendationProcess.bpmn}.
 */
@Configuration(proxyBeanMethods = false)
class PilDelegates {

	private static String caseId(DelegateExecution execution) {
		return (String) execution.getVariable(ProcuratorialRecommendationProcess.VAR_CASE_ID);
	}

	@Bean
	JavaDelegate issueRecommendationDelegate(PilService service) {
		return (execution) -> service.issue(caseId(execution));
	}

	@Bean
	JavaDelegate startReplyPeriodDelegate(PilService service) {
		return (execution) -> execution.setVariables(service.startReplyPeriod(caseId(execution)));
	}

	@Bean
	JavaDelegate remindOrganDelegate(PilService service) {
		return (execution) -> execution.setVariables(service.remind(caseId(execution)));
	}

	@Bean
	JavaDelegate flagReplyOverdueDelegate(PilService service) {
		return (execution) -> service.flagOverdue(caseId(execution));
	}

}
