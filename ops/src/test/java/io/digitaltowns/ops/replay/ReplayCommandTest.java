package io.digitaltowns.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

  private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

  private final String topic = "ops.test.replay." + UUID.randomUUID().toString().substring(0, 8);
  private final String group = "replay-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final TopicPartition partition0 = new TopicPartition(topic, 0);
  private final TopicPartition partition1 = new TopicPartition(topic, 1);
  private Admin admin;

  @BeforeEach
  void fiveRecordsOnEachOfTwoPartitions() throws Exception {
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ops.stack().kafkaBootstrapServers()));
    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Ops.stack().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
      for (int minute = 0; minute < 5; minute++) {
        long timestamp = START.plus(Duration.ofMinutes(minute)).toEpochMilli();
        producer
            .send(new ProducerRecord<>(topic, 0, timestamp, null, new byte[] {(byte) minute}))
            .get();
        producer
            .send(new ProducerRecord<>(topic, 1, timestamp, null, new byte[] {(byte) minute}))
            .get();
      }
    }
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void a_replay_is_refused_while_a_consumer_of_the_group_is_active() throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumeEverything(consumer);

      Ops.Run replay = Ops.kafka("replay", "--group", group, "--topic", topic, "--from-beginning");

      assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(OpsExit.REFUSED);
      assertThat(replay.err())
          .contains("refused: consumer group " + group + " is active")
          .contains("Nothing was changed");
      assertThat(committed()).containsEntry(partition0, 5L).containsEntry(partition1, 5L);
    }
  }

  @Test
  void replay_resets_an_inactive_group_to_the_beginning() throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumeEverything(consumer);
    }
    awaitGroupEmpty();

    Ops.Run plan =
        Ops.kafka("replay", "--group", group, "--topic", topic, "--from-beginning", "--dry-run");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(OpsExit.OK);
    assertThat(plan.out())
        .containsPattern("(?m)^0 +5 +0 +5 +5 +5$")
        .containsPattern("(?m)^1 +5 +0 +5 +5 +5$")
        .contains("10 records the group already consumed will be read again")
        .contains("Dry run: offsets not changed.");
    assertThat(committed()).containsEntry(partition0, 5L).containsEntry(partition1, 5L);

    Ops.Run replay = Ops.kafka("replay", "--group", group, "--topic", topic, "--from-beginning");

    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(OpsExit.OK);
    assertThat(committed()).containsEntry(partition0, 0L).containsEntry(partition1, 0L);
  }

  @Test
  void replay_from_a_timestamp_resets_to_the_first_records_at_or_after_it() throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumeEverything(consumer);
    }
    awaitGroupEmpty();

    Ops.Run replay =
        Ops.kafka(
            "replay",
            "--group",
            group,
            "--topic",
            topic,
            "--from-timestamp",
            START.plus(Duration.ofMinutes(3)).toString());

    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(OpsExit.OK);
    assertThat(replay.out()).contains("4 records the group already consumed will be read again");
    assertThat(committed()).containsEntry(partition0, 3L).containsEntry(partition1, 3L);
  }

  @Test
  void replay_moves_only_the_named_partitions_to_the_given_offsets() throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumeEverything(consumer);
    }
    awaitGroupEmpty();

    Ops.Run replay =
        Ops.kafka("replay", "--group", group, "--topic", topic, "--from-offset", "1:2");

    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(OpsExit.OK);
    assertThat(committed()).containsEntry(partition0, 5L).containsEntry(partition1, 2L);

    Ops.Run outOfRange =
        Ops.kafka("replay", "--group", group, "--topic", topic, "--from-offset", "0:99");
    assertThat(outOfRange.exitCode()).as(outOfRange.toString()).isEqualTo(OpsExit.USAGE);
    assertThat(outOfRange.err()).contains("partition 0 holds offsets 0 to 5 (end), not 99");
  }

  @Test
  void a_group_that_does_not_exist_is_not_created_by_a_typo() throws Exception {
    Ops.Run replay = Ops.kafka("replay", "--group", "emial", "--topic", topic, "--from-beginning");

    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(OpsExit.FAILED);
    assertThat(replay.err()).contains("there is no consumer group emial");
    assertThat(admin.listConsumerGroupOffsets("emial").partitionsToOffsetAndMetadata().get())
        .isEmpty();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Ops.stack().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  private static void consumeEverything(KafkaConsumer<byte[], byte[]> consumer) {
    List<ConsumerRecord<byte[], byte[]>> consumed = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(consumed::add);
              return consumed.size() == 10;
            });
    consumer.commitSync();
  }

  private void awaitGroupEmpty() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                admin
                        .describeConsumerGroups(List.of(group))
                        .describedGroups()
                        .get(group)
                        .get()
                        .groupState()
                    == GroupState.EMPTY);
  }

  private Map<TopicPartition, Long> committed() throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    committed.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
    return offsets;
  }
}
