package io.digitaltowns.consumers;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each consumer group is a feature package (named like its group) that uses the others only through their public API
 * at the package root, with no cycle between them; {@code events} is the runtime they all run on. The diagrams of the
 * modules are written to {@code docs/modules/consumers} on every run, so they stay true.
 */
class ModularityTests {

  private static final ApplicationModules MODULES = ApplicationModules.of(ConsumersApplication.class);

  @Test
  void consumer_groups_only_use_each_others_public_api_and_form_no_cycle() {
    MODULES.verify();
  }

  @Test
  void the_module_diagrams_are_written_into_docs() {
    // surefire runs in the module's folder; docs/ is the repository's
    String folder = Path.of("..", "docs", "modules", "consumers").toString();
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
