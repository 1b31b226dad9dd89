package io.digitaltowns.infra.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Confluent's compatibility levels, decided by Avro's own reader/writer compatibility rules. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  public static CompatibilityLevel parse(String value) {
    if (value == null) {
      throw new IllegalArgumentException("compatibility level missing");
    }
    return valueOf(value.trim().toUpperCase());
  }

  /**
   * Why {@code candidate} may not follow {@code previous} (oldest first); an empty list means it
   * may. Non-transitive levels only look at the latest previous schema.
   */
  public List<String> problems(Schema candidate, List<Schema> previous) {
    List<Schema> toCheck =
        transitive || previous.isEmpty() ? previous : List.of(previous.get(previous.size() - 1));
    List<String> problems = new ArrayList<>();
    for (Schema earlier : toCheck) {
      if (newReadsOld) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier),
            "the new schema cannot read data written with an earlier one",
            problems);
      }
      if (oldReadsNew) {
        describe(
            SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate),
            "an earlier schema cannot read data written with the new one",
            problems);
      }
    }
    return problems;
  }

  private static void describe(
      SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      result
          .getResult()
          .getIncompatibilities()
          .forEach(
              incompatibility ->
                  problems.add(
                      direction
                          + ": "
                          + incompatibility.getType()
                          + " at "
                          + incompatibility.getLocation()
                          + " ("
                          + incompatibility.getMessage()
                          + ")"));
    }
  }
}
