package io.microshop;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries hold (no cycles, no reaching into another module's internals) and
 * their diagrams in {@code docs/modules} are regenerated from the code.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(MicroshopApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void documentsTheModules() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
