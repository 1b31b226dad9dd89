package io.digitaltowns.events.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.events.accounts.UserRegistered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 15: Avro instantiates the class a schema names only in the event packages. The
 * build runs the tests with the root pom's {@code avro.trusted}, as the services run. Decoding such
 * a record against the real registry: {@code UntrustedWriterSchemaTest} in infra (the local stack's
 * registry).
 */
class TrustedEventPackagesTest {

  private static final Pattern NAMESPACE = Pattern.compile("\"namespace\"\\s*:\\s*\"([^\"]+)\"");

  @Test
  void a_schema_naming_a_class_outside_the_event_packages_is_refused() {
    for (String outside :
        List.of(
            "java.io.File",
            "java.net.URL",
            "org.apache.avro.util.Utf8",
            AvroEventSerializer.class.getName(),
            "io.digitaltowns.events.EventCatalog")) {
      Schema schema = Schema.createRecord(outside, null, null, false, List.of());

      assertThatThrownBy(() -> SpecificData.get().getClass(schema))
          .as(outside)
          .isInstanceOf(SecurityException.class);
    }
  }

  @Test
  void an_event_class_is_trusted() {
    assertThat(SpecificData.get().getClass(UserRegistered.getClassSchema()))
        .isEqualTo(UserRegistered.class);
  }

  @Test
  void the_build_runs_with_exactly_the_event_packages_and_they_cover_every_schema_namespace()
      throws IOException {
    assertThat(System.getProperty(TrustedEventPackages.PROPERTY))
        .isEqualTo(TrustedEventPackages.PACKAGES);
    Set<String> trusted = Set.of(TrustedEventPackages.PACKAGES.split(","));
    try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
      List<String> namespaces =
          files
              .filter(file -> file.toString().endsWith(".avsc"))
              .flatMap(
                  file -> {
                    Matcher matcher = NAMESPACE.matcher(read(file));
                    return matcher.results().map(result -> result.group(1));
                  })
              .distinct()
              .toList();
      assertThat(namespaces).isNotEmpty();
      assertThat(trusted).containsAll(namespaces);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
