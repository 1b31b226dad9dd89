package io.digitaltowns.consumers;

import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.events.FailureReason;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.infra.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The consumers' tests' one way in and out of Kafka: typed events into the local stack's topics as
 * the relay writes them (Confluent wire format, key = aggregate id, acknowledged by every replica
 * before {@code send} returns), and what a group left behind: its dead letters (keys and reasons)
 * and its committed offsets.
 */
public final class EventFeed implements AutoCloseable {

  public static final Duration DEADLINE = Duration.ofSeconds(60);

  private final LocalStack stack;
  private final AvroEventSerializer serializer;
  private KafkaProducer<byte[], byte[]>
      producer; // made on the first send: a feed that only reads needs none

  public EventFeed(LocalStack stack) {
    this.stack = stack;
    this.serializer = new AvroEventSerializer(new SchemaRegistryClient(stack.schemaRegistryUrl()));
  }

  /**
   * Sends the event to its topic in the catalog, keyed by its aggregate id: exactly as the relay
   * publishes it.
   */
  public RecordMetadata send(SpecificRecord event) {
    String aggregateId = String.valueOf(((GenericRecord) event).get("aggregateId"));
    return send(Topics.of(event.getClass()).name(), aggregateId, event);
  }

  /**
   * Sends the event keyed by {@code key}; returns where it landed once the broker acknowledged it.
   */
  public RecordMetadata send(String topic, String key, SpecificRecord event) {
    return send(
        new ProducerRecord<>(topic, utf8(key), serializer.serialize(event)),
        event.getSchema().getName());
  }

  /**
   * Sends the event to one partition of the topic (a test that puts a record on each partition).
   */
  public RecordMetadata send(String topic, int partition, String key, SpecificRecord event) {
    return send(
        new ProducerRecord<>(topic, partition, utf8(key), serializer.serialize(event)),
        event.getSchema().getName());
  }

  public int partitionsOf(String topic) {
    return producer().partitionsFor(topic).size();
  }

  /**
   * The event's bytes as the relay would write them, for a test that sends them itself (with
   * headers, or damaged).
   */
  public byte[] wireBytes(SpecificRecord event) {
    return serializer.serialize(event);
  }

  /** Any record: bytes that are no event, or an event with headers of the test's choosing. */
  public RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
    return send(record, "record");
  }

  private RecordMetadata send(ProducerRecord<byte[], byte[]> record, String what) {
    try {
      return producer().send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted publishing " + what, e);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish " + what, e);
    }
  }

  /**
   * The keys of every record in the topic now (a dead-letter topic: the records of this run are in
   * it by now).
   */
  public List<String> keysIn(String topic) {
    return recordsIn(topic).stream().map(record -> string(record.key())).toList();
  }

  /**
   * The reason header ({@link FailureReason#HEADER}) of every record in a dead-letter topic by
   * record key, read from the beginning to its current end; a key dead-lettered twice keeps its
   * last reason.
   */
  public Map<String, String> deadLetterReasons(String topic) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : recordsIn(topic)) {
      Header reason = record.headers().lastHeader(FailureReason.HEADER);
      reasons.put(string(record.key()), reason == null ? null : string(reason.value()));
    }
    return reasons;
  }

  /** Waits until a record keyed {@code key} is in the dead-letter topic, and returns its reason. */
  public String awaitDeadLetter(String deadLetterTopic, String key) {
    return await()
        .atMost(DEADLINE)
        .until(() -> deadLetterReasons(deadLetterTopic), reasons -> reasons.containsKey(key))
        .get(key);
  }

  /**
   * Every committed record of the topic, from its beginning to its end as it is now
   * (read_committed: what a reader of the analytics topics, written in Kafka Streams transactions,
   * sees).
   */
  public List<ConsumerRecord<byte[], byte[]>> recordsIn(String topic) {
    try (KafkaConsumer<byte[], byte[]> reader =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          reader.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await()
          .atMost(DEADLINE)
          .until(
              () -> {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
              });
      return records;
    }
  }

  /**
   * Creates the topics that do not exist yet (one partition): a dead-letter topic the stack does
   * not make, say.
   */
  public void ensureTopics(String... topics) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      for (String topic : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("could not create " + topic, e);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the group's committed offset of the partition, or -1 when it has none
   */
  public long committedOffset(String group, TopicPartition partition) {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(partition);
      return committed == null ? -1 : committed.offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not read the offsets of " + group, e);
    }
  }

  /**
   * Waits until the group has committed past the record: it was handled, or skipped, not stuck in
   * retries.
   */
  public void awaitCommittedPast(String group, RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    await().atMost(DEADLINE).until(() -> committedOffset(group, partition) > record.offset());
  }

  private synchronized KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  stack.kafkaBootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new ByteArraySerializer(),
              new ByteArraySerializer());
    }
    return producer;
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String string(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
