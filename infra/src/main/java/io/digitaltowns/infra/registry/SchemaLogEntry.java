package io.digitaltowns.infra.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One record of the {@code _schemas} topic. Keys and values follow Confluent's own layout, so that
 * a key identifies what compaction may replace: a subject's version, or a (global or subject)
 * compatibility setting.
 */
sealed interface SchemaLogEntry {

  ObjectMapper JSON = new ObjectMapper();

  String key();

  String value();

  /** A schema registered under a subject as the given version, with its global id. */
  record SchemaRegistered(String subject, int version, int id, String schema)
      implements SchemaLogEntry {
    @Override
    public String key() {
      ObjectNode key =
          JSON.createObjectNode()
              .put("keytype", "SCHEMA")
              .put("subject", subject)
              .put("version", version)
              .put("magic", 1);
      return write(key);
    }

    @Override
    public String value() {
      ObjectNode value =
          JSON.createObjectNode()
              .put("subject", subject)
              .put("version", version)
              .put("id", id)
              .put("schema", schema)
              .put("deleted", false);
      return write(value);
    }
  }

  /** The compatibility level of one subject, or the global default when {@code subject} is null. */
  record CompatibilityChanged(String subject, CompatibilityLevel level) implements SchemaLogEntry {
    @Override
    public String key() {
      ObjectNode key =
          JSON.createObjectNode().put("keytype", "CONFIG").put("subject", subject).put("magic", 0);
      return write(key);
    }

    @Override
    public String value() {
      return write(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }
  }

  /** Entries this registry does not understand (other key types, tombstones) read as empty. */
  static Optional<SchemaLogEntry> parse(String key, String value) {
    if (key == null || value == null) {
      return Optional.empty();
    }
    try {
      JsonNode keyNode = JSON.readTree(key);
      JsonNode valueNode = JSON.readTree(value);
      String subject = keyNode.hasNonNull("subject") ? keyNode.get("subject").asText() : null;
      switch (keyNode.path("keytype").asText()) {
        case "SCHEMA":
          if (valueNode.path("deleted").asBoolean(false)) {
            return Optional.empty();
          }
          return Optional.of(
              new SchemaRegistered(
                  subject,
                  valueNode.get("version").asInt(),
                  valueNode.get("id").asInt(),
                  valueNode.get("schema").asText()));
        case "CONFIG":
          return Optional.of(
              new CompatibilityChanged(
                  subject, CompatibilityLevel.parse(valueNode.get("compatibilityLevel").asText())));
        default:
          return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
