package io.digitaltowns.stack.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's files as the deployment tests read them: from the working tree, not from jars.
 */
final class RepositoryFiles {

  /** An environment variable name as the project writes them. */
  static final String NAME = "[A-Z][A-Z0-9_]*";

  private static final Pattern SECTION = Pattern.compile("^#\\s*---\\s*(.+?)\\s*---\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("^(" + NAME + ")=(.*)$");

  private RepositoryFiles() {}

  /**
   * The repository root: Surefire runs in the stack module, but find it from anywhere below the
   * root.
   */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("mvnw"))
          && Files.isDirectory(dir.resolve("stack"))
          && Files.isDirectory(dir.resolve("api"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relative, e);
    }
  }

  /**
   * Regular files below {@code relativeDir} whose names end with one of {@code suffixes}; none if
   * it is missing.
   */
  static List<Path> files(String relativeDir, String... suffixes) {
    Path dir = path(relativeDir);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              file ->
                  Stream.of(suffixes)
                      .anyMatch(suffix -> file.getFileName().toString().endsWith(suffix)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + relativeDir, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The project's modules: every top-level folder with a pom.xml, also one not (yet) listed in the
   * parent pom, so that a module being added is checked before it joins the build.
   */
  static List<String> modules() {
    try (Stream<Path> dirs = Files.list(root())) {
      return dirs.filter(
              dir ->
                  Files.isRegularFile(dir.resolve("pom.xml"))
                      && Files.isDirectory(dir.resolve("src")))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the modules", e);
    }
  }

  /**
   * What a service's configuration file requires with the prod profile ({@code
   * digitaltowns.production. required-variables} in any of its YAML documents): the variables the
   * service refuses to start without.
   */
  static Set<String> productionRequired(String configFile) {
    Set<String> required = new TreeSet<>();
    for (Object document :
        new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(configFile))) {
      Object value = at(document, "digitaltowns", "production", "required-variables");
      if (value != null) {
        for (String name : String.valueOf(value).split(",")) {
          if (!name.isBlank()) {
            required.add(name.strip());
          }
        }
      }
    }
    return required;
  }

  /**
   * What a service started with these variables refuses to start without under the prod profile:
   * the service's own {@link #productionRequired(String)} and those of each group ({@code
   * digitaltowns.production.groups}) whose switch is on, the switch read as the configuration file
   * reads it ({@code ${CONSUMER_EMAIL_ENABLED:true}}).
   */
  static Set<String> productionRequired(String configFile, Map<String, String> env) {
    Set<String> required = productionRequired(configFile);
    List<Object> documents = new ArrayList<>();
    new Yaml(new SafeConstructor(new LoaderOptions()))
        .loadAll(read(configFile))
        .forEach(documents::add);
    for (Object document : documents) {
      if (at(document, "digitaltowns", "production", "groups") instanceof Map<?, ?> groups) {
        groups.forEach(
            (name, group) -> {
              String when = String.valueOf(at(group, "when"));
              if (isOn(documents.get(0), when, env)) {
                for (String variable : String.valueOf(at(group, "required-variables")).split(",")) {
                  required.add(variable.strip());
                }
              }
            });
      }
    }
    return required;
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(" + NAME + "):([^}]*)}$");

  private static boolean isOn(Object defaults, String property, Map<String, String> env) {
    String value = String.valueOf(at(defaults, property.split("\\.")));
    Matcher placeholder = PLACEHOLDER.matcher(value);
    if (placeholder.matches()) {
      value = env.getOrDefault(placeholder.group(1), placeholder.group(2));
    }
    return Boolean.parseBoolean(value.strip());
  }

  private static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /**
   * One variable of {@code .env.example}.
   *
   * @param comment the nearest comment block above it (shared by variables listed together under
   *     one comment)
   * @param section the {@code # --- section ---} it is in
   */
  record EnvVariable(String name, String value, String comment, String section, int line) {}

  /**
   * The variables of {@code .env.example} in file order; a name listed twice keeps both lines in
   * {@code duplicates}.
   */
  record EnvExample(Map<String, EnvVariable> variables, List<String> duplicates) {

    static EnvExample read() {
      Map<String, EnvVariable> variables = new LinkedHashMap<>();
      List<String> duplicates = new ArrayList<>();
      String section = "";
      StringBuilder block = new StringBuilder();
      String comment = "";
      boolean inBlock = false;
      String[] lines = RepositoryFiles.read(".env.example").split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        Matcher sectionHeader = SECTION.matcher(line);
        Matcher variable = VARIABLE.matcher(line);
        if (sectionHeader.matches()) {
          section = sectionHeader.group(1);
          comment = "";
          inBlock = false;
        } else if (line.startsWith("#")) {
          if (!inBlock) {
            block.setLength(0);
            inBlock = true;
          }
          block.append(line.substring(1).strip()).append('\n');
          comment = block.toString();
        } else if (variable.matches()) {
          inBlock = false;
          EnvVariable entry =
              new EnvVariable(variable.group(1), variable.group(2), comment, section, i + 1);
          if (variables.putIfAbsent(entry.name(), entry) != null) {
            duplicates.add(entry.name() + " (line " + entry.line() + ")");
          }
        } else if (line.isEmpty()) {
          // a blank line ends a group: the next variable needs its own comment
          inBlock = false;
          comment = "";
        } else {
          throw new IllegalStateException(
              ".env.example line " + (i + 1) + " is neither a comment nor NAME=value: " + line);
        }
      }
      return new EnvExample(variables, duplicates);
    }

    boolean lists(String name) {
      return variables.containsKey(name);
    }
  }
}
