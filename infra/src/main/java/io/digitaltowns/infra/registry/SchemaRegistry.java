package io.digitaltowns.infra.registry;

import io.digitaltowns.infra.registry.SchemaLogEntry.CompatibilityChanged;
import io.digitaltowns.infra.registry.SchemaLogEntry.SchemaRegistered;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's operations. Each one first catches up with the {@code _schemas} log, and changes
 * go through the log, so the in-memory state is only ever a replay of it.
 */
final class SchemaRegistry implements AutoCloseable {

  private final SchemaLog log;
  private final RegistryState state = new RegistryState();

  SchemaRegistry(SchemaLog log) {
    this.log = log;
    synchronized (this) {
      catchUp();
    }
  }

  /** Registers the schema under the subject, or returns the id it already has there. */
  synchronized int register(String subject, String schemaText) {
    catchUp();
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    var existingVersion = state.versionOf(subject, canonical);
    if (existingVersion.isPresent()) {
      return state.versions(subject).get(existingVersion.get());
    }
    List<String> problems =
        state.effectiveLevel(subject).problems(schema, previousSchemas(subject));
    if (!problems.isEmpty()) {
      throw RegistryException.incompatible(subject, problems);
    }
    TreeMap<Integer, Integer> versions = state.versions(subject);
    int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
    int id = state.idFor(canonical);
    log.append(new SchemaRegistered(subject, version, id, canonical));
    catchUp();
    return id;
  }

  /** The subject's version holding this schema. */
  synchronized SubjectVersion lookUp(String subject, String schemaText) {
    catchUp();
    requireSubject(subject);
    String canonical = parse(schemaText).toString();
    int version =
        state
            .versionOf(subject, canonical)
            .orElseThrow(() -> RegistryException.schemaNotFound("under subject '" + subject + "'"));
    return version(subject, Integer.toString(version));
  }

  synchronized String schema(int id) {
    catchUp();
    return state
        .schema(id)
        .orElseThrow(() -> RegistryException.schemaNotFound(Integer.toString(id)));
  }

  synchronized List<String> subjects() {
    catchUp();
    return state.subjects();
  }

  synchronized List<Integer> versions(String subject) {
    catchUp();
    requireSubject(subject);
    return List.copyOf(state.versions(subject).keySet());
  }

  /** {@code version} is a number or {@code latest} (or -1, which Confluent treats as latest). */
  synchronized SubjectVersion version(String subject, String version) {
    catchUp();
    requireSubject(subject);
    TreeMap<Integer, Integer> versions = state.versions(subject);
    int number = versionNumber(version, versions);
    Integer id = versions.get(number);
    if (id == null) {
      throw RegistryException.versionNotFound(version);
    }
    return new SubjectVersion(subject, number, id, state.schema(id).orElseThrow());
  }

  /**
   * Whether the schema may follow the given version ({@code null}: all versions the subject's level
   * looks at). Returns the reasons it may not; empty when compatible.
   */
  synchronized List<String> compatibilityProblems(
      String subject, String version, String schemaText) {
    catchUp();
    Schema candidate = parse(schemaText);
    CompatibilityLevel level = state.effectiveLevel(subject);
    if (version == null || isLatest(version)) {
      if (version != null) {
        requireSubject(subject);
      }
      return level.problems(candidate, previousSchemas(subject));
    }
    SubjectVersion against = version(subject, version);
    return level.problems(candidate, List.of(parse(against.schema())));
  }

  synchronized CompatibilityLevel globalLevel() {
    catchUp();
    return state.globalLevel();
  }

  /**
   * The subject's own level; {@code fallBackToGlobal} decides what a subject without one answers.
   */
  synchronized CompatibilityLevel subjectLevel(String subject, boolean fallBackToGlobal) {
    catchUp();
    return state
        .subjectLevel(subject)
        .or(() -> fallBackToGlobal ? Optional.of(state.globalLevel()) : Optional.empty())
        .orElseThrow(() -> RegistryException.subjectLevelNotConfigured(subject));
  }

  /** {@code subject} null sets the global default. */
  synchronized CompatibilityLevel setLevel(String subject, String level) {
    CompatibilityLevel parsed;
    try {
      parsed = CompatibilityLevel.parse(level);
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidCompatibilityLevel(level);
    }
    log.append(new CompatibilityChanged(subject, parsed));
    catchUp();
    return parsed;
  }

  @Override
  public void close() {
    log.close();
  }

  private void catchUp() {
    log.readToEnd(state::apply);
  }

  private List<Schema> previousSchemas(String subject) {
    return state.versions(subject).values().stream()
        .map(id -> parse(state.schema(id).orElseThrow()))
        .toList();
  }

  private void requireSubject(String subject) {
    if (!state.hasSubject(subject)) {
      throw RegistryException.subjectNotFound(subject);
    }
  }

  private static int versionNumber(String version, TreeMap<Integer, Integer> versions) {
    if (isLatest(version)) {
      return versions.lastKey();
    }
    try {
      int number = Integer.parseInt(version);
      if (number < 1) {
        throw RegistryException.invalidVersion(version);
      }
      return number;
    } catch (NumberFormatException e) {
      throw RegistryException.invalidVersion(version);
    }
  }

  private static boolean isLatest(String version) {
    return "latest".equalsIgnoreCase(version) || "-1".equals(version);
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("no schema given");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
    }
  }
}
