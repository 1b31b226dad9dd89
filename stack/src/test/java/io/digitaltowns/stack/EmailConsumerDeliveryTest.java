package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At-least-once delivery meets the email consumer: duplicates and poison records. */
class EmailConsumerDeliveryTest {

  private static final String TOPIC = "dt.accounts.events";

  private final LocalSystem system = SharedSystem.get();
  private final AvroEventSerializer serializer =
      new AvroEventSerializer(new SchemaRegistryClient(system.stack().schemaRegistryUrl()));
  private final KafkaProducer<byte[], byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              system.stack().kafkaBootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all"),
          new ByteArraySerializer(),
          new ByteArraySerializer());

  @AfterEach
  void closeProducer() {
    producer.close();
  }

  @Test
  void the_same_record_delivered_twice_sends_one_email() throws Exception {
    String key = UUID.randomUUID().toString();
    UserRegistered twice = userRegistered(key, ApiClient.uniqueEmail("twice"));
    UserRegistered after = userRegistered(key, ApiClient.uniqueEmail("after"));
    byte[] bytes = serializer.serialize(twice);

    send(key, bytes);
    send(key, bytes);
    // same key, same partition: once the later event is mailed, both copies were consumed
    send(key, serializer.serialize(after));

    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(after.getEmail()) == 1);
    assertThat(mailsTo(twice.getEmail())).isEqualTo(1);
  }

  @Test
  void a_poison_record_is_dead_lettered_with_its_reason_and_the_partition_keeps_flowing()
      throws Exception {
    String key = "poison-" + UUID.randomUUID();
    UserRegistered next = userRegistered(key, ApiClient.uniqueEmail("after-poison"));

    send(key, "not an avro record".getBytes(StandardCharsets.UTF_8));
    send(key, serializer.serialize(next));

    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(next.getEmail()) == 1);
    try (TopicReader deadLetters =
        new TopicReader(system.stack().kafkaBootstrapServers(), TOPIC + ".email.dlt")) {
      ConsumerRecord<byte[], byte[]> dead =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      deadLetters.poll().stream()
                          .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                          .findFirst(),
                  java.util.Optional::isPresent)
              .orElseThrow();
      assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an avro record");
      assertThat(
              new String(
                  dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                  StandardCharsets.UTF_8))
          .contains("Confluent wire format");
    }
  }

  private void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, key.getBytes(StandardCharsets.UTF_8), value)).get();
  }

  private long mailsTo(String email) {
    return system.stack().mail().messages().stream()
        .map(ReceivedMail::to)
        .filter(to -> to.stream().anyMatch(address -> address.contains(email)))
        .count();
  }

  private static UserRegistered userRegistered(String userId, String email) {
    return UserRegistered.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setAggregateId(userId)
        .setTraceId(null)
        .setEmail(email)
        .setDisplayName("Twice")
        .setSignupMethod(SignupMethod.PASSWORD)
        .build();
  }
}
