package io.digitaltowns.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No topic name, dead-letter name, aggregate type or consumer group id is written as a string
 * literal in the main code of the processes: they name the catalog's constants instead, so a
 * renamed topic or group is one change the compiler follows. Comments may mention names; only
 * string literals (text blocks included) count.
 */
class CatalogLiteralsTest {

  /**
   * The modules whose main code talks about topics and groups (the catalog itself lives in
   * schemas).
   */
  private static final List<String> MODULES =
      List.of("api", "relay", "consumers", "ops", "backup", "infra", "stack");

  private static final Pattern TOPIC_NAME =
      Pattern.compile("dt\\.[a-z-]+\\.events.*|dt\\.analytics\\..*");

  record Literal(String file, int line, String value, String lineText) {
    @Override
    public String toString() {
      return file + ":" + line + " \"" + value + "\"";
    }
  }

  @Test
  void main_code_names_topics_dead_letters_aggregate_types_and_groups_through_the_catalog() {
    List<Literal> offending =
        MODULES.stream()
            .map(module -> Path.of("..", module, "src", "main", "java"))
            .filter(Files::isDirectory)
            .flatMap(CatalogLiteralsTest::javaFiles)
            .flatMap(file -> literals(file.toString(), read(file)).stream())
            .filter(CatalogLiteralsTest::namesTheCatalog)
            .toList();

    assertThat(offending)
        .as("use io.digitaltowns.events.catalog (Topics, Topic, ConsumerGroup) instead of")
        .isEmpty();
  }

  @Test
  void the_check_finds_a_topic_a_dead_letter_topic_an_aggregate_type_and_a_group_written_as_text() {
    String source =
        """
        class Sample {
          // "dt.accounts.events" in a comment is fine
          static final String TOPIC = "dt.accounts.events";
          static final String DLT = "dt.billing.events.email.dlt";
          static final String FIGURES = "dt.analytics.listings";
          static final String AGGREGATE_TYPE = "businesses";
          @KafkaListener(groupId = "crm-sync") void listen() {}
          String suffix(String name) { return name.endsWith(".dlt") ? "x" : "y"; }
          static final String METRIC = "dt.consumer.processed";
          static final String DESCRIPTION = "Records sent to the dead-letter topic <topic>.<group>.dlt";
          String column = rs.getString("email");
        }
        """;

    List<String> found =
        literals("Sample.java", source).stream()
            .filter(CatalogLiteralsTest::namesTheCatalog)
            .map(Literal::value)
            .toList();

    assertThat(found)
        .containsExactly(
            "dt.accounts.events",
            "dt.billing.events.email.dlt",
            "dt.analytics.listings",
            "businesses",
            "crm-sync",
            ".dlt");
  }

  private static boolean namesTheCatalog(Literal literal) {
    String value = literal.value();
    String line = literal.lineText().toLowerCase(Locale.ROOT);
    return TOPIC_NAME.matcher(value).matches()
        || value.endsWith(Topic.DEAD_LETTER_SUFFIX) && !value.contains(" ")
        || definedTopicNames().contains(value)
        || aggregateTypes().contains(value) && line.contains("aggregate")
        || groupIds().contains(value) && line.contains("group");
  }

  private static Set<String> definedTopicNames() {
    return Topics.all().stream().map(TopicDefinition::name).collect(Collectors.toSet());
  }

  private static Set<String> aggregateTypes() {
    return Topics.eventTopics().stream().map(Topic::aggregateType).collect(Collectors.toSet());
  }

  private static Set<String> groupIds() {
    return Stream.of(ConsumerGroup.values()).map(ConsumerGroup::id).collect(Collectors.toSet());
  }

  /**
   * The string literals of a Java source, comments skipped; a text block is one literal per line.
   */
  static List<Literal> literals(String file, String source) {
    List<Literal> literals = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    int line = 1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        line += count(source, i, end);
        i = end;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        end = end < 0 ? source.length() : end;
        int blockLine = line;
        for (String text : source.substring(i + 3, end).split("\n", -1)) {
          literals.add(
              new Literal(
                  file, blockLine, text.strip(), lines[Math.min(blockLine, lines.length) - 1]));
          blockLine++;
        }
        line += count(source, i, end);
        i = end + 3;
      } else if (c == '"') {
        StringBuilder value = new StringBuilder();
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != '"' && source.charAt(j) != '\n') {
          if (source.charAt(j) == '\\' && j + 1 < source.length()) {
            value.append(source.charAt(j + 1));
            j += 2;
          } else {
            value.append(source.charAt(j++));
          }
        }
        literals.add(new Literal(file, line, value.toString(), lines[line - 1]));
        i = j + 1;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != '\'' && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else {
        if (c == '\n') {
          line++;
        }
        i++;
      }
    }
    return literals;
  }

  private static int count(String source, int from, int to) {
    int newlines = 0;
    for (int k = from; k < to; k++) {
      if (source.charAt(k) == '\n') {
        newlines++;
      }
    }
    return newlines;
  }

  private static Stream<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
