package io.digitaltowns.consumers.email;

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
 * The {@code email} consumer group: every mail the product sends starts here.
 *
 * <p>One listener per topic, both in the one group and sharing one dispatcher (so one message log
 * and every email handler, whatever topic its event comes from). Not one listener on both topics:
 * a record that fails for a while (SMTP refusing one owner's mail with a temporary error, say) is
 * retried with backoff by the thread that owns its partition, and nothing else on that thread moves
 * meanwhile. With separate listeners a business mail in retry never delays a password-reset or
 * verification mail, which a person is waiting for right now, and each topic keeps its own threads.
 * Billing mails (receipts, failed payments, cancellations) have their own listener for the same reason.
 * Dead letters go to {@code <topic>.email.dlt} of the topic the record came from: at once for a failure of the
 * record, after the retries for an outage ({@link EmailFailureTriage}).
 */
@Component
class EmailConsumer {

  static final String GROUP = ConsumerGroup.Names.EMAIL;
  static final String ACCOUNTS_TOPIC = Topics.ACCOUNTS_EVENTS;
  static final String BUSINESSES_TOPIC = Topics.BUSINESSES_EVENTS;
  static final String BILLING_TOPIC = Topics.BILLING_EVENTS;

  private final EventDispatcher dispatcher;

  EmailConsumer(List<EmailHandler<?>> handlers, AvroEventDeserializer deserializer,
                ProcessedEvents processedEvents, TransactionTemplate transaction) {
    this.dispatcher = new EventDispatcher(GROUP, handlers, deserializer, processedEvents, transaction);
  }

  // one thread per partition of dt.accounts.events, so one slow mail does not hold up the others
  @KafkaListener(id = GROUP, groupId = GROUP, topics = ACCOUNTS_TOPIC,
      concurrency = "${digitaltowns.consumers.email.concurrency:3}",
      autoStartup = "${digitaltowns.consumers.email.enabled:true}")
  void onAccountEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatch(record);
  }

  // the same group id: the listener id only names this second container of the group
  @KafkaListener(id = GROUP + "-businesses", groupId = GROUP, topics = BUSINESSES_TOPIC,
      concurrency = "${digitaltowns.consumers.email.concurrency:3}",
      autoStartup = "${digitaltowns.consumers.email.enabled:true}")
  void onBusinessEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatch(record);
  }

  // receipts and payment notices: a billing mail in retry holds up neither accounts nor listings
  @KafkaListener(id = GROUP + "-billing", groupId = GROUP, topics = BILLING_TOPIC,
      concurrency = "${digitaltowns.consumers.email.concurrency:3}",
      autoStartup = "${digitaltowns.consumers.email.enabled:true}")
  void onBillingEvent(ConsumerRecord<byte[], byte[]> record) {
    dispatch(record);
  }

  /** Outages are retried in place; any other failure is the record's and is dead-lettered ({@link EmailFailureTriage}). */
  private void dispatch(ConsumerRecord<byte[], byte[]> record) {
    try {
      dispatcher.dispatch(record.value());
    } catch (RuntimeException failure) {
      throw EmailFailureTriage.triaged(failure);
    }
  }
}
