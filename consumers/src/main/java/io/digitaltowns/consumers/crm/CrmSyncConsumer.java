package io.digitaltowns.consumers.crm;

import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.consumers.events.EventDispatcher;
import io.digitaltowns.consumers.events.ProcessedEvents;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code crm-sync} consumer group: keeps HubSpot in step with DigitalTowns' users and
 * businesses. One listener per topic (a business record waiting out a rate limit does not hold up
 * account erasures), one dispatcher, so one message log: a redelivered or replayed event calls
 * HubSpot no second time. Runs only when {@link CrmSyncSwitch#active()}. Dead letters go to
 * {@code <topic>.crm-sync.dlt}.
 */
@Component
class CrmSyncConsumer {

  static final String GROUP = ConsumerGroup.Names.CRM_SYNC;
  static final String ACCOUNTS_TOPIC = Topics.ACCOUNTS_EVENTS;
  static final String BUSINESSES_TOPIC = Topics.BUSINESSES_EVENTS;

  private final EventDispatcher dispatcher;

  CrmSyncConsumer(List<CrmSyncHandler<?>> handlers, AvroEventDeserializer deserializer,
                  ProcessedEvents processedEvents, TransactionTemplate transaction) {
    this.dispatcher = new EventDispatcher(GROUP, handlers, deserializer, processedEvents, transaction);
  }

  // one thread by default: HubSpot's rate limit is per account, not per partition
  @KafkaListener(id = GROUP, groupId = GROUP, topics = ACCOUNTS_TOPIC,
      concurrency = "${digitaltowns.consumers.crm-sync.concurrency:1}",
      autoStartup = "#{@crmSyncSwitch.active()}")
  void onAccountEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }

  @KafkaListener(id = GROUP + "-businesses", groupId = GROUP, topics = BUSINESSES_TOPIC,
      concurrency = "${digitaltowns.consumers.crm-sync.concurrency:1}",
      autoStartup = "#{@crmSyncSwitch.active()}")
  void onBusinessEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }
}
