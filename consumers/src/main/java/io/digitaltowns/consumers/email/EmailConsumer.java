package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.events.EventDispatcher;
import io.digitaltowns.consumers.events.ProcessedEvents;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code email} consumer group: every mail the product sends starts here. */
@Component
class EmailConsumer {

  static final String GROUP = "email";

  private final EventDispatcher dispatcher;

  EmailConsumer(List<EmailHandler<?>> handlers, AvroEventDeserializer deserializer,
                ProcessedEvents processedEvents, TransactionTemplate transaction) {
    this.dispatcher = new EventDispatcher(GROUP, handlers, deserializer, processedEvents, transaction);
  }

  // one thread per partition of dt.accounts.events, so one slow mail does not hold up the others
  @KafkaListener(id = GROUP, groupId = GROUP, topics = "dt.accounts.events",
      concurrency = "${digitaltowns.consumers.email.concurrency:3}",
      autoStartup = "${digitaltowns.consumers.email.enabled:true}")
  void onEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatcher.dispatch(record.value());
  }
}
