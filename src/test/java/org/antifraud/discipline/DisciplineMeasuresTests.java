package org.antifraud.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code DisciplineMeasures} table, evaluated by a standalone DMN engine.
 */
class DisciplineMeasuresTests {

	private static DmnEngine engine;

	private static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("processes/DisciplineMeasures.dmn")) {
			decision = engine.parseDecision("DisciplineMeasures", in);
		}
	}

	private DmnDecisionTableResult evaluate(String category) {
		return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("category", category));
	}

	@Test
	void criminalPenaltyMeansThreeYearsAndTheDishonestList() {
		var result = evaluate("CRIMINAL").getSingleResult();
		assertThat((Integer) result.get("termYears")).isEqualTo(3);
		assertThat((Boolean) result.get("dishonestList")).isTrue();
		assertThat(Measure.parse((String) result.get("measures"))).contains(Measure.DISHONEST_LIST,
				Measure.FINANCE_NON_COUNTER_OUTFLOW, Measure.TELECOM_RESTRICTED);
	}

	@Test
	void policeDeterminationMeansTwoYearsWithoutTheDishonestList() {
		var result = evaluate("POLICE_DETERMINED").getSingleResult();
		assertThat((Integer) result.get("termYears")).isEqualTo(2);
		assertThat((Boolean) result.get("dishonestList")).isFalse();
		List<Measure> measures = Measure.parse((String) result.get("measures"));
		assertThat(measures).doesNotContain(Measure.DISHONEST_LIST);
		assertThat(measures).extracting(Measure::sector).contains(Measure.Sector.FINANCE, Measure.Sector.TELECOM);
	}

	@Test
	void unknownCategoryMatchesNothing() {
		assertThat(evaluate("OTHER")).isEmpty();
	}

}
