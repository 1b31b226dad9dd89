package io.digitaltowns.ops.dlt;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.ops.Ops;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * A topic of its own and its email dead-letter topic, filled the way the consumers fill it:
 * Spring's DeadLetterPublishingRecoverer publishing a failed record of the email group.
 */
final class DeadLetters implements AutoCloseable {

  static final String GROUP = "email";

  final String topic = "ops.test." + UUID.randomUUID().toString().substring(0, 8) + ".events";
  final String dlt = topic + "." + GROUP + ".dlt";

  private final Admin admin;
  private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
  private final DeadLetterPublishingRecoverer recoverer;
  private final AvroEventSerializer serializer;

  DeadLetters() throws Exception {
    String bootstrap = Ops.stack().kafkaBootstrapServers();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    admin
        .createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(dlt, 1, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
    producers =
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    recoverer =
        new DeadLetterPublishingRecoverer(
            new KafkaTemplate<>(producers), (record, exception) -> new TopicPartition(dlt, -1));
    serializer = new AvroEventSerializer(new SchemaRegistryClient(Ops.stack().schemaRegistryUrl()));
  }

  /**
   * A registration whose welcome mail failed: the original was at {@code partition@offset} of
   * {@link #topic}.
   */
  Letter deadLetterRegistration(String email, int partition, long offset, String failure) {
    UserRegistered event =
        UserRegistered.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setAggregateId(UUID.randomUUID().toString())
            .setTraceId(null)
            .setEmail(email)
            .setDisplayName("Ada Lovelace")
            .setSignupMethod(SignupMethod.PASSWORD)
            .build();
    byte[] key = event.getAggregateId().getBytes(StandardCharsets.UTF_8);
    byte[] value = serializer.serialize(event);
    RecordHeaders headers = new RecordHeaders();
    headers.add("eventId", event.getEventId().getBytes(StandardCharsets.UTF_8));
    headers.add(
        "eventType",
        UserRegistered.getClassSchema().getFullName().getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<byte[], byte[]> failed =
        new ConsumerRecord<>(
            topic,
            partition,
            offset,
            System.currentTimeMillis(),
            TimestampType.CREATE_TIME,
            key.length,
            value.length,
            key,
            value,
            headers,
            java.util.Optional.empty());
    recoverer.accept(
        failed,
        new ListenerExecutionFailedException(
            "Listener failed", GROUP, new IllegalStateException(failure)));
    return new Letter(event.getEventId(), event.getAggregateId(), key, value);
  }

  record Letter(String eventId, String aggregateId, byte[] key, byte[] value) {}

  /** Every record now on the original topic. */
  List<ConsumerRecord<byte[], byte[]>> recordsOnTheOriginalTopic() throws Exception {
    List<TopicPartition> partitions =
        List.of(
            new TopicPartition(topic, 0),
            new TopicPartition(topic, 1),
            new TopicPartition(topic, 2));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(
            Map.of(
                partitions.get(0),
                OffsetSpec.latest(),
                partitions.get(1),
                OffsetSpec.latest(),
                partitions.get(2),
                OffsetSpec.latest()))
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Ops.stack().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream()
              .anyMatch(partition -> consumer.position(partition) < ends.get(partition))
          && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
        polled.forEach(records::add);
      }
    }
    return records;
  }

  long startOffsetOfTheDeadLetterTopic() throws Exception {
    TopicPartition partition = new TopicPartition(dlt, 0);
    return admin
        .listOffsets(Map.of(partition, OffsetSpec.earliest()))
        .all()
        .get(30, TimeUnit.SECONDS)
        .get(partition)
        .offset();
  }

  @Override
  public void close() {
    producers.destroy();
    admin.close();
  }
}
