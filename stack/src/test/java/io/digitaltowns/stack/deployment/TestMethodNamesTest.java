package io.digitaltowns.stack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 20: one test-naming style in every module. A test says the behaviour it checks as a
 * sentence in snake_case ({@code registering_twice_with_the_same_email_is_a_conflict}); {@code ops}
 * once used camelCase. Reads the test sources of every module (also one not yet in the parent pom)
 * rather than the compiled classes, so that a module need not be built for its names to be checked.
 */
class TestMethodNamesTest {

  private static final Pattern TEST_ANNOTATION =
      Pattern.compile("^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b.*");

  /** A method declaration line: modifiers, a return type, the name, the opening parenthesis. */
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*(?:void|[A-Z][\\w<>?,\\s\\[\\].]*)\\s+(\\w+)\\s*\\(.*");

  /**
   * A return type alone on its line: the formatter puts a long test name on the line after {@code
   * void}.
   */
  private static final Pattern RETURN_TYPE_ALONE =
      Pattern.compile(
          "^\\s*(?:(?:public|protected|private|static|final|synchronized)\\s+)*(?:void|[A-Z][\\w<>?,\\[\\].]*)\\s*$");

  private static final String TEXT_BLOCK = "\"\"\"";
  private static final Pattern SENTENCE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");

  static List<String> modules() {
    return RepositoryFiles.modules();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void every_test_method_of_the_module_is_named_as_a_snake_case_sentence(String module) {
    List<String> offenders = new ArrayList<>();
    for (Path source : RepositoryFiles.files(module + "/src/test/java", ".java")) {
      for (String name : testMethodNames(RepositoryFiles.read(source))) {
        if (!SENTENCE.matcher(name).matches()) {
          offenders.add(RepositoryFiles.root().relativize(source) + ": " + name);
        }
      }
    }

    assertThat(offenders).as("test methods not named as a snake_case sentence").isEmpty();
  }

  @Test
  void the_scan_finds_the_tests_of_a_module() {
    List<String> names = new ArrayList<>();
    for (Path source : RepositoryFiles.files("ops/src/test/java", ".java")) {
      names.addAll(testMethodNames(RepositoryFiles.read(source)));
    }

    assertThat(names).hasSizeGreaterThan(20).contains("every_command_has_help");
  }

  @Test
  void a_camel_case_name_is_found_behind_other_annotations_and_a_multi_line_source() {
    String source =
        """
        class Sample {
          @Test
          void everyCommandHasHelp() {
          }

          @ParameterizedTest(name = "{0}")
          @CsvSource({
              "a, b",
              "c, d"})
          @Timeout(5)
          public void splitsOnTheComma(String left, String right) throws Exception {
          }

          @TestFactory
          Stream<DynamicTest> one_dynamic_test_per_case() {
          }

          @Test
          void
              aNameTooLongForItsLineIsWrappedByTheFormatterOntoTheNextOne() {
          }

          void notATestButAHelper() {
          }
        }
        """;

    assertThat(testMethodNames(source))
        .containsExactly(
            "everyCommandHasHelp",
            "splitsOnTheComma",
            "one_dynamic_test_per_case",
            "aNameTooLongForItsLineIsWrappedByTheFormatterOntoTheNextOne");
    assertThat(testMethodNames(source).stream().filter(name -> SENTENCE.matcher(name).matches()))
        .containsExactly("one_dynamic_test_per_case");
  }

  @Test
  void a_sample_source_in_a_text_block_is_no_test() {
    String source =
        "class Sample {\n  String sample = \"\"\"\n    @Test\n    void inTheSample() {\n    }\n    \"\"\";\n\n"
            + "  @Test\n  void after_the_sample() {\n  }\n}\n";

    assertThat(testMethodNames(source)).containsExactly("after_the_sample");
  }

  /**
   * The names of the methods annotated as tests: the first declaration after each test annotation,
   * outside text blocks (a test's sample source is no test).
   */
  static List<String> testMethodNames(String source) {
    List<String> names = new ArrayList<>();
    boolean afterAnnotation = false;
    boolean inTextBlock = false;
    String returnType = "";
    for (String line : source.split("\n")) {
      if (line.split(TEXT_BLOCK, -1).length % 2 == 0) {
        inTextBlock = !inTextBlock;
        continue;
      }
      if (inTextBlock) {
        continue;
      }
      if (TEST_ANNOTATION.matcher(line).matches()) {
        afterAnnotation = true;
        continue;
      }
      if (afterAnnotation && RETURN_TYPE_ALONE.matcher(line).matches()) {
        returnType = line.strip() + " ";
        continue;
      }
      Matcher declaration = DECLARATION.matcher(returnType + line.strip());
      returnType = "";
      if (afterAnnotation && !line.strip().startsWith("@") && declaration.matches()) {
        names.add(declaration.group(1));
        afterAnnotation = false;
      }
    }
    return names;
  }
}
