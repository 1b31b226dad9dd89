package io.digitaltowns.consumers;

import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.infra.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Events into the local stack's topics as the relay writes them (Confluent wire format, key = aggregate id), and what came out in a dead-letter topic. */
public final class EventTraffic implements AutoCloseable {

  private final LocalStack stack;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AvroEventSerializer serializer;

  public EventTraffic(LocalStack stack) {
    this.stack = stack;
    this.serializer = new AvroEventSerializer(new SchemaRegistryClient(stack.schemaRegistryUrl()));
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
  }

  public void publish(String topic, String key, SpecificRecord event) {
    try {
      producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), serializer.serialize(event))).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish " + event.getSchema().getName(), e);
    }
  }

  /** The keys of every record in the topic now (a dead-letter topic: the records of this run are in it by now). */
  public List<String> keysIn(String topic) {
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(reader.endOffsets(partitions));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          keys.add(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        }
        return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
      });
    }
    return keys;
  }

  @Override
  public void close() {
    producer.close();
  }
}
