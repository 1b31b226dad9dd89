package io.digitaltowns.consumers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each consumer group is a feature package (named like its group) that uses the others only through
 * their public API at the package root, with no cycle between them; {@code events} is the runtime
 * they all run on. The diagrams of the modules are written to {@code docs/modules/consumers} on
 * every run, so they stay true.
 */
class ModularityTests {

  private static final ApplicationModules MODULES =
      ApplicationModules.of(ConsumersApplication.class);

  // surefire runs in the module's folder; docs/ is the repository's
  private static final Path DOCS = Path.of("..", "docs", "modules", "consumers");

  @Test
  void consumer_groups_only_use_each_others_public_api_and_form_no_cycle() {
    MODULES.verify();
  }

  @Test
  void the_module_diagrams_are_written_into_docs(@TempDir Path written) throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    Files.createDirectories(DOCS);
    try (Stream<Path> files = Files.list(written)) {
      for (Path file : files.toList()) {
        Path target = DOCS.resolve(file.getFileName().toString());
        // the Documenter lists modules and relations in no fixed order: a file whose lines did not
        // change stays as it
        // is, so a test run leaves docs/ untouched unless the modules did change
        if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file).stream().sorted().toList();
  }
}
