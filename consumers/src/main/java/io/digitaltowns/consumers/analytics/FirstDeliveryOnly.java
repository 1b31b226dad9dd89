package io.digitaltowns.consumers.analytics;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Lets each event through once: the event ids seen are kept in a store (changelogged, and committed
 * with the output under exactly-once), so a redelivery, a replayed topic or an operator's replay of
 * old events counts nothing twice. A replay carries the same record key (the aggregate id), so it
 * reaches the same task and store. Ids are kept for good: a replay may bring back events of any
 * age, and an id costs some 50 bytes.
 */
final class FirstDeliveryOnly<K> implements FixedKeyProcessor<K, SpecificRecord, SpecificRecord> {

  private final String storeName;
  private FixedKeyProcessorContext<K, SpecificRecord> context;
  private KeyValueStore<String, Long> seen;

  FirstDeliveryOnly(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<K, SpecificRecord> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<K, SpecificRecord> record) {
    String eventId = String.valueOf(((GenericRecord) record.value()).get("eventId"));
    if (seen.putIfAbsent(eventId, record.timestamp()) == null) {
      context.forward(record);
    }
  }
}
