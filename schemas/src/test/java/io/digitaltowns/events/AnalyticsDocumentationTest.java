package io.digitaltowns.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/analytics.md is what analysts read: every topic, its key and value records and every field
 * must be in it.
 */
class AnalyticsDocumentationTest {

  private static final Path GUIDE = Path.of("../docs/analytics.md");

  @TestFactory
  Stream<DynamicTest> every_analytics_topic_and_field_is_documented() throws IOException {
    String guide = Files.readString(GUIDE);
    return AnalyticsCatalog.topics().stream()
        .map(
            topic ->
                DynamicTest.dynamicTest(
                    topic.name(),
                    () -> {
                      int start = guide.indexOf("## `" + topic.name() + "`");
                      assertThat(start)
                          .as("a section '## `%s`' in %s", topic.name(), GUIDE)
                          .isNotNegative();
                      int end = guide.indexOf("\n## ", start + 1);
                      String section = guide.substring(start, end < 0 ? guide.length() : end);
                      assertThat(section)
                          .contains("`" + topic.key().getFullName() + "`")
                          .contains("`" + topic.value().getFullName() + "`");
                      topic
                          .value()
                          .getFields()
                          .forEach(
                              field ->
                                  assertThat(section)
                                      .as(
                                          "field %s of %s documented",
                                          field.name(), topic.value().getName())
                                      .contains("| `" + field.name() + "` |"));
                    }));
  }
}
