package io.digitaltowns.events.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads Confluent wire-format bytes. Events whose generated class is on the classpath come back as
 * that typed class (read with the writer's schema resolved against ours, so older and newer writers
 * both work); unknown event types come back as generic records, so a consumer can skip what it does
 * not handle instead of failing.
 */
public class AvroEventDeserializer {

  private final SchemaRegistryClient registry;

  public AvroEventDeserializer(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  public GenericContainer deserialize(byte[] bytes) {
    if (bytes == null || bytes.length < 5 || bytes[0] != AvroEventSerializer.MAGIC_BYTE) {
      throw new UndecodableEventException(
          "not in Confluent wire format (magic byte 0 + schema id)");
    }
    int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
    Schema writerSchema;
    try {
      writerSchema = registry.schemaById(schemaId);
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        throw new UndecodableEventException(
            "schema id " + schemaId + " is unknown to the registry");
      }
      throw e; // registry unreachable: transient, worth retrying
    }
    Class<?> typed;
    try {
      typed = SpecificData.get().getClass(writerSchema);
    } catch (SecurityException e) {
      // a schema naming a class outside the event packages (TrustedEventPackages): never
      // instantiated, and a
      // property of the record, not of the moment, so not worth a retry
      throw new UndecodableEventException(
          "schema id " + schemaId + " names a class outside the trusted event packages");
    }
    Schema readerSchema = typed == null ? writerSchema : SpecificData.get().getSchema(typed);
    GenericDatumReader<GenericContainer> reader =
        typed == null
            ? new GenericDatumReader<>(writerSchema)
            : new SpecificDatumReader<>(writerSchema, readerSchema);
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
    try {
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new UndecodableEventException(
          "payload does not match schema id " + schemaId + ": " + e.getMessage());
    }
  }
}
