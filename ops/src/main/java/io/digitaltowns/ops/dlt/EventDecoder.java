package io.digitaltowns.ops.dlt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.events.wire.SchemaRegistryException;
import io.digitaltowns.events.wire.UndecodableEventException;
import java.nio.ByteBuffer;
import org.apache.avro.generic.GenericContainer;

/**
 * Event values in Confluent wire format, decoded with their writer's schema from the registry, as
 * JSON.
 */
final class EventDecoder {

  /** Either the decoded event (type and JSON) or why it could not be decoded. */
  record Decoded(Integer schemaId, String type, String json, String problem) {}

  private final AvroEventDeserializer deserializer;
  private final ObjectMapper json = new ObjectMapper();

  EventDecoder(SchemaRegistryClient registry) {
    this.deserializer = new AvroEventDeserializer(registry);
  }

  Decoded decode(byte[] value) {
    Integer schemaId =
        value != null && value.length >= 5 && value[0] == 0
            ? ByteBuffer.wrap(value, 1, 4).getInt()
            : null;
    try {
      GenericContainer event = deserializer.deserialize(value);
      return new Decoded(schemaId, event.getSchema().getFullName(), pretty(event.toString()), null);
    } catch (UndecodableEventException e) {
      return new Decoded(schemaId, null, null, e.getMessage());
    } catch (SchemaRegistryException e) {
      return new Decoded(schemaId, null, null, "schema registry: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Decoded(
          schemaId, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private String pretty(String text) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
    } catch (JsonProcessingException e) {
      return text; // Avro's rendering is JSON for the types events use; keep it as it is otherwise
    }
  }
}
