package io.digitaltowns.infra.registry;

import io.digitaltowns.infra.registry.SchemaLogEntry.CompatibilityChanged;
import io.digitaltowns.infra.registry.SchemaLogEntry.SchemaRegistered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the {@code _schemas} log says so far, folded into lookup tables. Not thread-safe. */
final class RegistryState {

  /** Confluent's default. */
  static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, TreeMap<Integer, Integer>> idsBySubjectVersion = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
  private int highestId;

  void apply(SchemaLogEntry entry) {
    if (entry instanceof SchemaRegistered registered) {
      schemasById.put(registered.id(), registered.schema());
      idsBySchema.putIfAbsent(registered.schema(), registered.id());
      idsBySubjectVersion
          .computeIfAbsent(registered.subject(), subject -> new TreeMap<>())
          .put(registered.version(), registered.id());
      highestId = Math.max(highestId, registered.id());
    } else if (entry instanceof CompatibilityChanged changed) {
      if (changed.subject() == null) {
        globalLevel = changed.level();
      } else {
        subjectLevels.put(changed.subject(), changed.level());
      }
    }
  }

  Optional<String> schema(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /**
   * The id a new registration of {@code canonicalSchema} gets: the same schema keeps its id across
   * subjects.
   */
  int idFor(String canonicalSchema) {
    Integer existing = idsBySchema.get(canonicalSchema);
    return existing != null ? existing : highestId + 1;
  }

  List<String> subjects() {
    return new ArrayList<>(idsBySubjectVersion.keySet());
  }

  boolean hasSubject(String subject) {
    return idsBySubjectVersion.containsKey(subject);
  }

  /** Versions of the subject, oldest first, mapped to schema ids. */
  TreeMap<Integer, Integer> versions(String subject) {
    return idsBySubjectVersion.getOrDefault(subject, new TreeMap<>());
  }

  Optional<Integer> versionOf(String subject, String canonicalSchema) {
    return versions(subject).entrySet().stream()
        .filter(version -> canonicalSchema.equals(schemasById.get(version.getValue())))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevel(subject).orElse(globalLevel);
  }
}
