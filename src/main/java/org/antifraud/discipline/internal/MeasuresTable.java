package org.antifraud.discipline.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.antifraud.discipline.DisciplineCategory;
import org.antifraud.discipline.JointDisciplineProcess;
import org.antifraud.discipline.Measure;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The measures table ({@code processes/DisciplineMeasures.dmn}) as the engine has it
 * deployed: the outcome for a category, kept per deployed version of the table. Its one
 * input is the category, so a version has one outcome per category; evaluating it again
 * for every case (the engine's FEEL interpreter sets up its built-in functions at each
 * evaluation) cost 8 % of the fan-out's step threads. The latest version is looked up for
 * every case, as evaluating by key does, so a new version deployed applies from the next
 * case on.
 */
@Component
class MeasuresTable {

	private final RepositoryService repository;

	private final DecisionService decisions;

	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

	MeasuresTable(RepositoryService repository, DecisionService decisions) {
		this.repository = repository;
		this.decisions = decisions;
	}

	/** What the latest version of the table decides for {@code category}. */
	Outcome outcome(DisciplineCategory category) {
		DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(JointDisciplineProcess.DECISION_MEASURES)
			.withoutTenantId()
			.latestVersion()
			.singleResult();
		if (latest == null) {
			throw new IllegalStateException("The measures table is not deployed");
		}
		return this.outcomes.computeIfAbsent(latest.getId() + "/" + category.name(),
				(key) -> evaluate(latest.getId(), category));
	}

	private Outcome evaluate(String definitionId, DisciplineCategory category) {
		Map<String, Object> result = this.decisions
			.evaluateDecisionTableById(definitionId, Variables.createVariables().putValue("category", category.name()))
			.getSingleResult()
			.getEntryMap();
		return new Outcome(Measure.parse((String) result.get("measures")),
				((Number) result.get("termYears")).intValue(), Boolean.TRUE.equals(result.get("dishonestList")));
	}

	/**
	 * One row of the table.
	 *
	 * @param measures the measures, in the table's order
	 * @param termYears years of discipline
	 * @param dishonestList whether the subject goes on the serious dishonesty list
	 */
	record Outcome(List<Measure> measures, int termYears, boolean dishonestList) {

		Outcome {
			measures = List.copyOf(measures);
		}

	}

}
