package io.digitaltowns.events.wire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.infra.LocalStack;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 15, against a real registry (here, not in schemas, since infra builds on the
 * catalog in schemas): a record whose writer schema names a class outside the event packages is
 * undecodable.
 */
class UntrustedWriterSchemaTest {

  @Test
  void a_record_whose_writer_schema_names_a_class_outside_is_undecodable_not_retried() {
    SchemaRegistryClient registry =
        new SchemaRegistryClient(LocalStack.shared().schemaRegistryUrl());
    int schemaId =
        registry.register(
            "outside-" + UUID.randomUUID() + "-value",
            Schema.createRecord("java.io.File", null, null, false, List.of()));
    byte[] bytes =
        ByteBuffer.allocate(5).put(AvroEventSerializer.MAGIC_BYTE).putInt(schemaId).array();

    assertThatThrownBy(() -> new AvroEventDeserializer(registry).deserialize(bytes))
        .isInstanceOf(UndecodableEventException.class)
        .hasMessageContaining("outside the trusted event packages");
  }
}
