package io.digitaltowns.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every published version of an event (or of an analytics key or value) lives in
 * src/test/resources/schema-history/<full name>/. The current schema must read data written with
 * each of them (BACKWARD_TRANSITIVE), so a breaking change fails the build before it ever reaches a
 * registry.
 */
class SchemaEvolutionTest {

  private static final Path HISTORY = Path.of("src/test/resources/schema-history");

  @TestFactory
  Stream<DynamicTest> every_event_schema_can_read_all_its_published_versions() {
    return Stream.concat(EventCatalog.schemas().stream(), AnalyticsCatalog.schemas().stream())
        .map(
            current ->
                DynamicTest.dynamicTest(
                    current.getFullName(),
                    () -> {
                      List<Path> published = publishedVersions(current);
                      assertThat(published)
                          .as(
                              "publish %s by copying it to %s/%s/v1.avsc",
                              current.getFullName(), HISTORY, current.getFullName())
                          .isNotEmpty();
                      for (Path version : published) {
                        Schema writer = new Schema.Parser().parse(version.toFile());
                        SchemaCompatibility.SchemaPairCompatibility result =
                            SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
                        assertThat(result.getType())
                            .as(
                                "%s must read data written with %s: %s",
                                current.getFullName(), version, result.getDescription())
                            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
                      }
                    }));
  }

  private static List<Path> publishedVersions(Schema schema) throws IOException {
    Path folder = HISTORY.resolve(schema.getFullName());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
    }
  }
}
