package io.digitaltowns.consumers.crmview;

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
 * The {@code crm} consumer group: builds the CRM read model (contacts, companies, deals, the
 * activity timeline) that the CRM service shows admins. One listener per topic, one dispatcher,
 * so one message log: a redelivered or replayed event changes nothing. Off unless
 * {@code CONSUMER_CRM_ENABLED} (the local stack switches it on). Dead letters go to
 * {@code <topic>.crm.dlt}.
 */
@Component
class CrmViewConsumer {

  static final String GROUP = ConsumerGroup.Names.CRM;
  static final String ACCOUNTS_TOPIC = Topics.ACCOUNTS_EVENTS;
  static final String BUSINESSES_TOPIC = Topics.BUSINESSES_EVENTS;
  static final String BILLING_TOPIC = Topics.BILLING_EVENTS;
  static final String CRM_TOPIC = Topics.CRM_EVENTS;

  private final EventDispatcher dispatcher;

  CrmViewConsumer(List<CrmViewHandler<?>> handlers, AvroEventDeserializer deserializer,
                  ProcessedEvents processedEvents, TransactionTemplate transaction) {
    this.dispatcher = new EventDispatcher(GROUP, handlers, deserializer, processedEvents, transaction);
  }

  @KafkaListener(id = GROUP, groupId = GROUP, topics = ACCOUNTS_TOPIC,
      concurrency = "${digitaltowns.consumers.crm.concurrency:1}",
      autoStartup = "${digitaltowns.consumers.crm.enabled:false}")
  void onAccountEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }

  @KafkaListener(id = GROUP + "-businesses", groupId = GROUP, topics = BUSINESSES_TOPIC,
      concurrency = "${digitaltowns.consumers.crm.concurrency:1}",
      autoStartup = "${digitaltowns.consumers.crm.enabled:false}")
  void onBusinessEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }

  @KafkaListener(id = GROUP + "-billing", groupId = GROUP, topics = BILLING_TOPIC,
      concurrency = "${digitaltowns.consumers.crm.concurrency:1}",
      autoStartup = "${digitaltowns.consumers.crm.enabled:false}")
  void onBillingEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }

  @KafkaListener(id = GROUP + "-notes", groupId = GROUP, topics = CRM_TOPIC,
      concurrency = "${digitaltowns.consumers.crm.concurrency:1}",
      autoStartup = "${digitaltowns.consumers.crm.enabled:false}")
  void onCrmEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }
}
