package org.antifraud.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every row of the {@code AccountRiskGrade} table, evaluated by a standalone DMN engine:
 * each case below is decided by the rule it names, and together they reach all rules.
 */
class AccountRiskGradeTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	private static final Set<String> matchedRules = new TreeSet<>();

	@BeforeAll
	static void parse() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("processes/AccountRiskGrade.dmn")) {
			decision = engine.parseDecision(AccountRiskProcess.DECISION, in);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			// rule, caseAccount, disciplined, verification, hits, complaints, class,
			// grade, measure, reverify
			"CaseAccountClassOne,             true,  false, NONE,    0, 0, I,   HIGH,   RECEIVE_ONLY,        false",
			"CaseAccountClassTwoThree,        true,  true,  PASSED,  3, 5, II,  HIGH,   SUSPEND_ALL,         false",
			"CaseAccountClassTwoThree,        true,  false, FAILED,  0, 0, III, HIGH,   SUSPEND_ALL,         false",
			"Disciplined,                     false, true,  FAILED,  2, 0, III, HIGH,   SUSPEND_NON_COUNTER, false",
			"VerificationFailedClassOne,      false, false, FAILED,  1, 0, I,   HIGH,   RECEIVE_ONLY,        true",
			"VerificationFailedClassOne,      false, false, EXPIRED, 0, 1, I,   HIGH,   RECEIVE_ONLY,        true",
			"VerificationFailedClassTwoThree, false, false, EXPIRED, 1, 0, II,  HIGH,   NO_RECEIVE_NO_PAY,   true",
			"RepeatedHitsClassOne,            false, false, PENDING, 2, 0, I,   MEDIUM, SUSPEND_NON_COUNTER, true",
			"RepeatedHitsClassTwoThree,       false, false, NONE,    4, 1, III, MEDIUM, RECEIVE_ONLY,        true",
			"RepeatedReportsClassOne,         false, false, NONE,    1, 3, I,   MEDIUM, SUSPEND_NON_COUNTER, true",
			"RepeatedReportsClassTwoThree,    false, false, PASSED,  0, 3, II,  MEDIUM, RECEIVE_ONLY,        true",
			"SingleHit,                       false, false, NONE,    1, 2, II,  LOW,    REVERIFY,            true",
			"SingleReport,                    false, false, PENDING, 0, 2, I,   LOW,    REVERIFY,            true",
			"NoRisk,                          false, false, PASSED,  0, 0, I,   NONE,   NONE,                false",
			"NoRisk,                          false, false, NONE,    0, 0, III, NONE,   NONE,                false" })
	void eachRuleDecidesItsCase(String rule, boolean caseAccount, boolean disciplined, String verification, int hits,
			int complaints, String accountClass, String grade, String measure, boolean reverify) {
		var result = engine.evaluateDecisionTable(decision,
				Variables.createVariables()
					.putValue("caseAccount", caseAccount)
					.putValue("disciplined", disciplined)
					.putValue("verification", verification)
					.putValue("monitoringHits", hits)
					.putValue("complaints", complaints)
					.putValue("accountClass", accountClass));
		Map<String, Object> entries = result.getSingleResult().getEntryMap();
		assertThat((String) entries.get("grade")).isEqualTo(grade);
		assertThat(AccountMeasure.valueOf((String) entries.get("measure"))).isEqualTo(AccountMeasure.valueOf(measure));
		assertThat((Boolean) entries.get("reverify")).isEqualTo(reverify);
		assertThat(firstMatchingRule(caseAccount, disciplined, verification, hits, complaints, accountClass))
			.isEqualTo("Rule_" + rule);
		matchedRules.add("Rule_" + rule);
	}

	/** The rule the FIRST hit policy picks, found by asking each rule alone. */
	private String firstMatchingRule(boolean caseAccount, boolean disciplined, String verification, int hits,
			int complaints, String accountClass) {
		DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
		for (DmnDecisionTableRuleImpl rule : table.getRules()) {
			boolean matches = true;
			Object[] values = { caseAccount, disciplined, verification, hits, complaints, accountClass };
			for (int i = 0; i < values.length && matches; i++) {
				String entry = rule.getConditions().get(i).getExpression();
				matches = entry == null || entry.isBlank() || matchesEntry(entry.trim(), values[i]);
			}
			if (matches) {
				return rule.getId();
			}
		}
		return null;
	}

	private static boolean matchesEntry(String entry, Object value) {
		if (entry.startsWith(">=")) {
			return ((Integer) value) >= Integer.parseInt(entry.substring(2).trim());
		}
		for (String option : entry.split(",")) {
			if (option.trim().replace("\"", "").equals(String.valueOf(value))) {
				return true;
			}
		}
		return false;
	}

	@Test
	void everyInputCombinationGivesExactlyOneAnswer() {
		for (boolean caseAccount : new boolean[] { true, false }) {
			for (String verification : new String[] { "NONE", "PENDING", "PASSED", "FAILED", "EXPIRED" }) {
				for (String accountClass : new String[] { "I", "II", "III" }) {
					var result = engine.evaluateDecisionTable(decision,
							Variables.createVariables()
								.putValue("caseAccount", caseAccount)
								.putValue("disciplined", false)
								.putValue("verification", verification)
								.putValue("monitoringHits", 0)
								.putValue("complaints", 0)
								.putValue("accountClass", accountClass));
					assertThat(result).hasSize(1);
				}
			}
		}
	}

	@AfterAll
	static void everyRuleWasReached() {
		DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
		assertThat(matchedRules).containsExactlyInAnyOrderElementsOf(
				table.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList());
	}

}
