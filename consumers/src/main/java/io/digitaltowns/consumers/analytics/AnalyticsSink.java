package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.readmodels.analytics.AnalyticsFiguresTable;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Copies the aggregated topics into {@link AnalyticsFiguresTable}, so the api answers admins from
 * PostgreSQL and never talks to Kafka on a request. Its own group ({@code analytics-sink}) reads
 * committed records only: figures of a transaction the topology aborted never reach the table.
 */
@Component
class AnalyticsSink {

  static final String GROUP = ConsumerGroup.Names.ANALYTICS_SINK;

  private final AvroEventDeserializer deserializer;
  private final AnalyticsFiguresTable table;

  AnalyticsSink(AvroEventDeserializer deserializer, AnalyticsFiguresTable table) {
    this.deserializer = deserializer;
    this.table = table;
  }

  @KafkaListener(
      id = GROUP,
      groupId = GROUP,
      containerFactory = AnalyticsSinkConfiguration.CONTAINER_FACTORY,
      topics = {
        Topics.ANALYTICS_SIGNUPS_DAILY,
        Topics.ANALYTICS_LISTINGS,
        Topics.ANALYTICS_SUBSCRIPTIONS_DAILY,
        Topics.ANALYTICS_REVENUE_DAILY,
        Topics.ANALYTICS_ENGAGEMENT_DAILY
      },
      properties = "isolation.level=read_committed",
      autoStartup = "${digitaltowns.consumers.analytics.enabled:false}")
  void onFigures(ConsumerRecord<byte[], byte[]> record) {
    GenericRecord key = (GenericRecord) deserializer.deserialize(record.key());
    if (record.value() == null) {
      table.remove(record.topic(), key);
    } else {
      table.put(record.topic(), key, (GenericRecord) deserializer.deserialize(record.value()));
    }
  }
}
