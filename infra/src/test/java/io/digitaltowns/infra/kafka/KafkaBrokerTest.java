package io.digitaltowns.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  private final LocalStack stack = LocalStack.shared();

  @Test
  void a_produced_record_is_consumed_by_a_consumer_group() throws Exception {
    String key = "account-" + UUID.randomUUID();
    RecordMetadata written;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new StringSerializer())) {
      written =
          producer.send(new ProducerRecord<>(Topics.ACCOUNTS_EVENTS, key, "registered")).get();
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.ACCOUNTS_EVENTS));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().anyMatch(record -> key.equals(record.key()));
              });
    }

    assertThat(received)
        .filteredOn(record -> key.equals(record.key()))
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.value()).isEqualTo("registered");
              assertThat(record.partition()).isEqualTo(written.partition());
            });
  }

  @Test
  void the_project_topics_exist_with_their_partitions() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      Set<String> names = admin.listTopics().names().get();
      var accounts =
          admin
              .describeTopics(List.of(Topics.ACCOUNTS_EVENTS))
              .allTopicNames()
              .get()
              .get(Topics.ACCOUNTS_EVENTS);

      assertThat(names)
          .contains(Topics.ACCOUNTS_EVENTS, Topics.ACCOUNTS_EVENTS_EMAIL_DLT, "_schemas");
      assertThat(accounts.partitions()).hasSize(3);
    }
  }

  @Test
  void producing_to_an_undeclared_topic_does_not_create_it() throws Exception {
    String stray = "dt.typo.events-" + UUID.randomUUID();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000),
            new StringSerializer(),
            new StringSerializer())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> producer.send(new ProducerRecord<>(stray, "k", "v")).get())
          .isNotNull();
    }
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).doesNotContain(stray);
    }
  }
}
