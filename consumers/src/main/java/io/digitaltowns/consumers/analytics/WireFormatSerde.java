package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams serde for Avro records in Confluent's wire format, on top of the project's own
 * serializer and registry client (the Confluent serde jars are not available). Writing registers
 * the record's schema under its full name, as the api does for events; reading resolves the
 * writer's schema by id, so any tool that speaks the Confluent format reads the aggregated topics,
 * and the topology reads every event the relay publishes. Event types without a generated class
 * come back as generic records, which the topology skips.
 */
final class WireFormatSerde implements Serde<GenericContainer> {

  private final AvroEventSerializer serializer;
  private final AvroEventDeserializer deserializer;

  WireFormatSerde(SchemaRegistryClient registry) {
    this.serializer = new AvroEventSerializer(registry);
    this.deserializer = new AvroEventDeserializer(registry);
  }

  @Override
  public Serializer<GenericContainer> serializer() {
    return (topic, record) -> record == null ? null : serializer.serialize((SpecificRecord) record);
  }

  @Override
  public Deserializer<GenericContainer> deserializer() {
    return (topic, bytes) -> bytes == null ? null : deserializer.deserialize(bytes);
  }

  /** The same bytes, typed as one record class for the DSL. */
  @SuppressWarnings("unchecked")
  <T extends SpecificRecord> Serde<T> of(Class<T> type) {
    return (Serde<T>) (Serde<?>) this;
  }
}
