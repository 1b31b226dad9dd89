package io.digitaltowns.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/events.md is the catalog people read: every event and every field must be in it. */
class EventDocumentationTest {

  private static final Path CATALOG = Path.of("../docs/events.md");

  @TestFactory
  Stream<DynamicTest> every_event_and_field_is_documented() throws IOException {
    String catalog = Files.readString(CATALOG);
    return EventCatalog.schemas().stream()
        .map(
            schema ->
                DynamicTest.dynamicTest(
                    schema.getFullName(),
                    () -> {
                      int start = catalog.indexOf("### " + schema.getName() + "\n");
                      assertThat(start)
                          .as("a section '### %s' in %s", schema.getName(), CATALOG)
                          .isNotNegative();
                      int end = catalog.indexOf("\n### ", start + 1);
                      String section = catalog.substring(start, end < 0 ? catalog.length() : end);
                      assertThat(section).contains("`" + schema.getFullName() + "`");
                      schema
                          .getFields()
                          .forEach(
                              field ->
                                  assertThat(section)
                                      .as(
                                          "field %s of %s documented",
                                          field.name(), schema.getName())
                                      .contains("| `" + field.name() + "` |"));
                    }));
  }
}
