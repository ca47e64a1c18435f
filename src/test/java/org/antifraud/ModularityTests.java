package org.antifraud;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules: no cycles, no access to another module's internals, and the
 * module diagram in {@code docs/modules}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(JointDisciplineApplication.class);

	@Test
	void verifiesModularStructure() {
		this.modules.verify();
	}

	@Test
	void writesDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
	}

}
