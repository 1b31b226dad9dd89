package io.digitaltowns.stack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.stack.deployment.RepositoryFiles.EnvExample;
import io.digitaltowns.stack.deployment.RepositoryFiles.EnvVariable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code .env.example} lists exactly the environment variables the system reads: every {@code
 * ${NAME...}} placeholder in the services' configuration files, every variable the Java code reads
 * with {@code System.getenv}, and what the Docker image's start script reads. A variable nobody
 * reads may only be listed while its feature is not built yet ({@link #RESERVED}).
 */
class EnvironmentVariablesTest {

  /**
   * Variables .env.example lists, and render.yaml / docker-compose.yml already set, for features
   * that are not built yet, by feature. Nothing reads them today. When a feature lands, wire its
   * variables under these names (or rename them here, in .env.example and in the deployment files)
   * and delete its entry: once any variable of a group is read, every other one of that group must
   * be read too, so a renamed or forgotten one fails here.
   */
  static final Map<String, Set<String>> RESERVED = Map.of();

  /**
   * Read by the platform or a library rather than by a placeholder or getenv call of the project.
   */
  static final Map<String, String> READ_BY_PLATFORM =
      Map.of("SPRING_PROFILES_ACTIVE", "Spring Boot itself (the prod profile)");

  /**
   * The services' configuration files, whose prod profile names the variables it cannot start
   * without.
   */
  static final List<String> SERVICE_CONFIGS =
      List.of(
          "api/src/main/resources/api.yml",
          "relay/src/main/resources/relay.yml",
          "consumers/src/main/resources/consumers.yml");

  /** {@code ${NAME}} or {@code ${NAME:default}}, also nested in another placeholder's default. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{(" + RepositoryFiles.NAME + ")[:}]");

  /**
   * How Java code reads the environment: {@code System.getenv("NAME")}, {@code
   * System.getenv().get("NAME")} / {@code getOrDefault("NAME", ...)}, and a map of the environment
   * named {@code env} read directly ({@code env.get("NAME")}) or handed to a helper with the name
   * ({@code port(env, "NAME", 5432)}), and picocli's {@code ${env:NAME}} option defaults.
   */
  private static final List<Pattern> JAVA_READS =
      List.of(
          Pattern.compile("getenv\\(\\s*\"(" + RepositoryFiles.NAME + ")\""),
          Pattern.compile("getenv\\(\\)\\s*\\.\\s*\\w+\\(\\s*\"(" + RepositoryFiles.NAME + ")\""),
          Pattern.compile(
              "\\benv\\s*\\.\\s*(?:get|getOrDefault|containsKey)\\(\\s*\"("
                  + RepositoryFiles.NAME
                  + ")\""),
          Pattern.compile("\\(\\s*env\\s*,\\s*\"(" + RepositoryFiles.NAME + ")\""),
          // picocli option defaults of the ops tool: ${env:NAME} or ${env:NAME:-default}
          Pattern.compile("\\$\\{env:(" + RepositoryFiles.NAME + ")[:}]"),
          PLACEHOLDER);

  /** {@code ENV NAME=...} lines of the Dockerfile (the image's own knobs). */
  private static final Pattern DOCKERFILE_ENV =
      Pattern.compile("(?m)^ENV\\s+(.+?)(?<!\\\\)$", Pattern.DOTALL);

  private static EnvExample envExample;
  private static Map<String, Set<String>> readers;

  @BeforeAll
  static void readEverything() {
    envExample = EnvExample.read();
    readers = readVariables();
  }

  @Test
  void the_scan_finds_the_known_readers() {
    // guards against a scan that silently finds nothing after a refactoring
    assertThat(readers)
        .containsKeys(
            "DATABASE_URL",
            "JWT_SECRET",
            "EMAIL_LINK_SECRET",
            "SMTP_HOST",
            "RELAY_SLOT_NAME",
            "POSTGRES_PORT",
            "S3_PORT",
            "SERVICE",
            "JAVA_OPTS");
    assertThat(readers.get("POSTGRES_PORT"))
        .anyMatch(source -> source.endsWith("LocalStackSettings.java"));
    assertThat(readers.get("RELAY_SLOT_NAME")).anyMatch(source -> source.endsWith("relay.yml"));
  }

  @Test
  void every_variable_the_code_reads_is_in_env_example() {
    Map<String, Set<String>> missing = new TreeMap<>(readers);
    missing.keySet().removeIf(envExample::lists);
    assertThat(missing)
        .as(
            "variables read by the code but missing from .env.example (name → where it is read); "
                + "add each with a comment, a safe placeholder and whether production needs it")
        .isEmpty();
  }

  @Test
  void env_example_lists_nothing_that_nobody_reads() {
    Set<String> reserved = reservedNames();
    Set<String> unread = new TreeSet<>(envExample.variables().keySet());
    unread.removeAll(readers.keySet());
    unread.removeAll(reserved);
    unread.removeAll(READ_BY_PLATFORM.keySet());
    assertThat(unread)
        .as(
            ".env.example lists variables nothing reads; remove them, or (for a feature not built yet) add them "
                + "to RESERVED in EnvironmentVariablesTest and mark them '(coming with ...)'")
        .isEmpty();
  }

  @Test
  void a_feature_that_landed_reads_all_of_its_reserved_variables() {
    List<String> problems = new ArrayList<>();
    RESERVED.forEach(
        (feature, names) -> {
          Set<String> read = new TreeSet<>(names);
          read.retainAll(readers.keySet());
          if (!read.isEmpty() && read.size() < names.size()) {
            Set<String> unread = new TreeSet<>(names);
            unread.removeAll(read);
            problems.add(
                feature
                    + " reads "
                    + read
                    + " but not "
                    + unread
                    + ": wire them, or remove them from .env.example, the deployment files and RESERVED");
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void reserved_variables_are_listed_and_marked_as_coming() {
    List<String> problems = new ArrayList<>();
    for (String name : reservedNames()) {
      EnvVariable variable = envExample.variables().get(name);
      if (variable == null) {
        problems.add(name + " is reserved but not in .env.example");
      } else if (!readers.containsKey(name)
          && !(variable.comment() + variable.section()).toLowerCase().contains("coming")) {
        problems.add(
            name
                + " (line "
                + variable.line()
                + ") is read by nothing yet: its comment must say "
                + "'(coming with ...)'");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void every_variable_has_a_comment_and_its_production_need_is_marked() {
    Set<String> required = new TreeSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
    SERVICE_CONFIGS.forEach(config -> required.addAll(RepositoryFiles.productionRequired(config)));
    assertThat(required)
        .as("the prod profiles' required variables")
        .contains("DATABASE_URL", "JWT_SECRET");
    List<String> problems = new ArrayList<>();
    envExample
        .variables()
        .values()
        .forEach(
            variable -> {
              if (variable.comment().isBlank()) {
                problems.add(variable.name() + " (line " + variable.line() + ") has no comment");
              }
              if (required.contains(variable.name())
                  && !variable.comment().toLowerCase().contains("required in production")) {
                problems.add(
                    variable.name()
                        + " (line "
                        + variable.line()
                        + ") must be marked [required in production]: "
                        + "a service's prod profile does not start without it");
              }
            });
    assertThat(problems).isEmpty();
    assertThat(envExample.duplicates()).as("variables listed twice in .env.example").isEmpty();
  }

  @Test
  void env_example_has_no_real_secrets() {
    // placeholders only: every secret-looking variable is empty
    List<String> filled =
        envExample.variables().values().stream()
            .filter(variable -> DeploymentFilesTest.isSecret(variable.name()))
            .filter(variable -> !variable.value().isBlank())
            .filter(
                variable ->
                    !variable.name().equals("DATABASE_PASSWORD")
                        || !variable.value().equals("postgres"))
            .map(variable -> variable.name() + "=" + variable.value())
            .toList();
    assertThat(filled).as("secrets with a value in .env.example").isEmpty();
  }

  static Set<String> reservedNames() {
    Set<String> names = new TreeSet<>();
    RESERVED.values().forEach(names::addAll);
    return names;
  }

  /** Every variable something in the repository reads, with where it is read (relative paths). */
  static Map<String, Set<String>> readVariables() {
    Map<String, Set<String>> found = new TreeMap<>();
    for (String module : RepositoryFiles.modules()) {
      // configuration files: api.yml, relay.yml, consumers.yml and whatever profile files join them
      for (Path file :
          RepositoryFiles.files(module + "/src/main/resources", ".yml", ".yaml", ".properties")) {
        collect(PLACEHOLDER, RepositoryFiles.read(file), relative(file), found);
      }
      // Java: System.getenv (the local stack's ports, the api port of LocalSystem) and ${NAME} in
      // annotations
      for (Path file : RepositoryFiles.files(module + "/src/main/java", ".java")) {
        String source = RepositoryFiles.read(file);
        for (Pattern read : JAVA_READS) {
          collect(read, source, relative(file), found);
        }
      }
    }
    // the image: its ENV knobs and what its start and health-check scripts read
    String dockerfile = RepositoryFiles.read("Dockerfile");
    collect(
        Pattern.compile("\\$\\{(" + RepositoryFiles.NAME + ")"), dockerfile, "Dockerfile", found);
    Matcher env = DOCKERFILE_ENV.matcher(dockerfile.replace("\\\n", " "));
    while (env.find()) {
      Matcher name =
          Pattern.compile("(?:^|\\s)(" + RepositoryFiles.NAME + ")=").matcher(env.group(1));
      while (name.find()) {
        found.computeIfAbsent(name.group(1), key -> new TreeSet<>()).add("Dockerfile");
      }
    }
    return found;
  }

  private static void collect(
      Pattern pattern, String text, String source, Map<String, Set<String>> found) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.computeIfAbsent(matcher.group(1), key -> new TreeSet<>()).add(source);
    }
  }

  private static String relative(Path file) {
    return RepositoryFiles.root().relativize(file).toString();
  }
}
