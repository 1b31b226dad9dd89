package io.digitaltowns.events.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes an event in Confluent's wire format (magic byte 0, 4-byte big-endian schema id, Avro
 * binary), so that any Confluent-compatible tool can read the topics.
 */
public class AvroEventSerializer {

  static final byte MAGIC_BYTE = 0;

  private final SchemaRegistryClient registry;

  public AvroEventSerializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  public byte[] serialize(SpecificRecord event) {
    Schema schema = event.getSchema();
    int schemaId = registry.register(SubjectNaming.subjectFor(schema), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SpecificRecord>(schema).write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode " + schema.getFullName(), e);
    }
    return out.toByteArray();
  }
}
