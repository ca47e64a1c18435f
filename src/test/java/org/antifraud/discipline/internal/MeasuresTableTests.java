package org.antifraud.discipline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.antifraud.ApplicationTestSupport;
import org.antifraud.discipline.DisciplineCategory;
import org.antifraud.discipline.Measure;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The measures table's outcomes are kept per deployed version: the same outcome for the
 * same category, and a new version of the table applies from the next case on.
 */
class MeasuresTableTests extends ApplicationTestSupport {

	@Autowired
	private MeasuresTable table;

	@Test
	void aNewVersionOfTheTableAppliesFromTheNextCaseOn() throws IOException {
		MeasuresTable.Outcome deployed = this.table.outcome(DisciplineCategory.POLICE_DETERMINED);
		assertThat(deployed.termYears()).isEqualTo(2);
		assertThat(deployed.dishonestList()).isFalse();
		assertThat(this.table.outcome(DisciplineCategory.POLICE_DETERMINED)).isSameAs(deployed);
		assertThat(this.table.outcome(DisciplineCategory.CRIMINAL).measures()).contains(Measure.DISHONEST_LIST);

		String changed = Files.readString(Path.of("processes/DisciplineMeasures.dmn"))
			.replace("<outputEntry id=\"OutputEntry_PoliceDetermined_Term\"><text>2</text>",
					"<outputEntry id=\"OutputEntry_PoliceDetermined_Term\"><text>4</text>");
		assertThat(changed).contains("<text>4</text>");
		Deployment version = this.engine.getRepositoryService()
			.createDeployment()
			.name("measures-table-test")
			.addString("DisciplineMeasures.dmn", changed)
			.deploy();
		try {
			assertThat(this.table.outcome(DisciplineCategory.POLICE_DETERMINED).termYears()).isEqualTo(4);
		}
		finally {
			this.engine.getRepositoryService().deleteDeployment(version.getId(), true);
		}
		assertThat(this.table.outcome(DisciplineCategory.POLICE_DETERMINED)).isSameAs(deployed);
	}

}
