package io.digitaltowns.api.site.operations;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.platform.deadletters.Redrive;
import io.digitaltowns.platform.deadletters.RedriveLedger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A topic of its own and its email dead-letter topic on the shared real Kafka, holding one record
 * dead-lettered the way the consumers' DeadLetterPublishingRecoverer writes it: the original
 * record's key, value and event headers, and the {@code kafka_dlt-*} headers saying where it came
 * from and why it failed.
 */
public final class DeadLetteredRecord {

  public final String topic =
      "ops-page-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
  public final String dlt = topic + ".email.dlt";
  public final String key = UUID.randomUUID().toString();
  public final String eventId = UUID.randomUUID().toString();
  private final String bootstrap = LocalStack.shared().kafkaBootstrapServers();

  public DeadLetteredRecord() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(dlt, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add("eventType", utf8("UserRegistered"));
    headers.add("eventId", utf8(eventId));
    headers.add("kafka_dlt-original-topic", utf8(topic));
    headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
    headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41).array());
    headers.add("kafka_dlt-original-consumer-group", utf8("email"));
    headers.add(
        "kafka_dlt-exception-fqcn",
        utf8("org.springframework.kafka.listener.ListenerExecutionFailedException"));
    headers.add("kafka_dlt-exception-cause-fqcn", utf8("jakarta.mail.SendFailedException"));
    headers.add("kafka_dlt-exception-message", utf8("550 mailbox unavailable"));
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      producer
          .send(new ProducerRecord<>(dlt, 0, null, utf8(key), utf8("the event's bytes"), headers))
          .get();
    }
  }

  /** Everything on the original topic now: what redrives sent back. */
  public List<ConsumerRecord<byte[], byte[]>> onTheOriginalTopic() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records;
    }
  }

  /**
   * Whether the redrive ledger the ops tool reads (group dt-ops-redrive) records the record as
   * redriven.
   */
  public boolean recordedAsRedriven() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(Redrive.DEFAULT_GROUP)) {
      RedriveLedger ledger = Redrive.ledger(consumer, new TopicPartition(dlt, 0));
      return ledger.isRedriven(0);
    }
  }

  private KafkaConsumer<byte[], byte[]> consumer(String group) {
    Map<String, Object> config =
        new java.util.HashMap<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(config);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
