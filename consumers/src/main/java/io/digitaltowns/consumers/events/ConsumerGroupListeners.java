package io.digitaltowns.consumers.events;

import io.digitaltowns.events.catalog.Topic;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one consumer runtime: for every {@link DeclaredGroup} one listener container per topic, all
 * on Spring Boot's listener container factory, so every group gets the same {@link
 * ConsumerErrorHandling} (retry in place, dead letters to {@code <topic>.<group>.dlt}), the same
 * {@link RecordObservation} (trace ids in the MDC, metrics) and the same {@link EventDispatcher}
 * (decoding, one handler per event type, exactly once per event id through {@link
 * ProcessedEvents}). The containers sit in Spring's listener registry like {@code @KafkaListener}
 * ones: health ({@link KafkaListenersHealthIndicator}) and the ops tooling see them alike.
 */
@Component
class ConsumerGroupListeners implements KafkaListenerConfigurer {

  private final List<DeclaredGroup> groups;
  private final AvroEventDeserializer deserializer;
  private final ProcessedEvents processedEvents;
  private final TransactionTemplate transaction;

  ConsumerGroupListeners(
      List<DeclaredGroup> groups,
      AvroEventDeserializer deserializer,
      ProcessedEvents processedEvents,
      TransactionTemplate transaction) {
    this.groups = groups;
    this.deserializer = deserializer;
    this.processedEvents = processedEvents;
    this.transaction = transaction;
  }

  @Override
  public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
    for (DeclaredGroup group : groups) {
      // one dispatcher per group, shared by its topics: one message log and every handler, whatever
      // the topic
      EventDispatcher dispatcher =
          new EventDispatcher(
              group.id(), group.handlers(), deserializer, processedEvents, transaction);
      MessageListener<byte[], byte[]> listener = record -> dispatch(group, dispatcher, record);
      for (Topic<?, ?> topic : group.topics()) {
        registrar.registerEndpoint(new TopicEndpoint(group, topic, listener));
      }
    }
  }

  private static void dispatch(
      DeclaredGroup group, EventDispatcher dispatcher, ConsumerRecord<byte[], byte[]> record) {
    try {
      dispatcher.dispatch(record.value());
    } catch (RuntimeException failure) {
      throw group.failureTriage().apply(failure);
    }
  }

  /** One topic of a group, as the listener container factory wants it described. */
  private record TopicEndpoint(
      DeclaredGroup group, Topic<?, ?> topic, MessageListener<byte[], byte[]> listener)
      implements KafkaListenerEndpoint {

    @Override
    public String getId() {
      return group.listenerId(topic);
    }

    @Override
    public String getGroupId() {
      return group.id();
    }

    @Override
    public String getGroup() {
      return null;
    }

    @Override
    public Collection<String> getTopics() {
      return List.of(topic.name());
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
      return new TopicPartitionOffset[0];
    }

    @Override
    public Pattern getTopicPattern() {
      return null;
    }

    @Override
    public String getClientIdPrefix() {
      return null;
    }

    @Override
    public Integer getConcurrency() {
      return group.concurrency();
    }

    @Override
    public Boolean getAutoStartup() {
      return group.enabled();
    }

    @Override
    public void setupListenerContainer(
        MessageListenerContainer container, MessageConverter messageConverter) {
      container.setupMessageListener(listener);
    }

    @Override
    public boolean isSplitIterables() {
      return true;
    }
  }
}
