package io.digitaltowns.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.TopicReplication;
import io.digitaltowns.infra.LocalStackSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaClusterTest {

  private static KafkaCluster cluster;

  @BeforeAll
  static void startCluster() {
    LocalStackSettings settings = LocalStackSettings.ephemeral(3);
    cluster = new KafkaCluster(settings.dataDir().resolve("cluster"), settings.kafkaNodes());
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.stop();
  }

  @Test
  void three_brokers_run_as_separate_processes_with_one_active_controller() {
    assertThat(cluster.nodeIds()).containsExactly(1, 2, 3);
    assertThat(cluster.nodeIds())
        .allSatisfy(
            node -> {
              assertThat(cluster.isAlive(node)).isTrue();
              assertThat(cluster.pid(node)).isNotEqualTo(ProcessHandle.current().pid());
            });
    assertThat(cluster.activeControllerId()).isIn(1, 2, 3);
  }

  @Test
  void
      a_write_acknowledged_before_its_leader_is_killed_is_read_after_and_the_restarted_broker_catches_up()
          throws Exception {
    String topic = newTopic();
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(topic, "k", "before")).get();

      int leader = cluster.leaderOf(partition);
      cluster.kill(leader);
      assertThat(cluster.isAlive(leader)).isFalse();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                int now = cluster.leaderOf(partition);
                return now != -1 && now != leader;
              });
      producer.send(new ProducerRecord<>(topic, "k", "while-down")).get();

      cluster.restart(leader);
      cluster.awaitFullyReplicated(List.of(topic), Duration.ofSeconds(60));
      assertThat(cluster.inSyncReplicas(partition)).containsExactlyInAnyOrder(1, 2, 3);
    }
    assertThat(readAll(topic, 2)).containsExactly("before", "while-down");
  }

  @Test
  void a_paused_broker_drops_out_of_the_in_sync_replicas_and_comes_back_when_resumed()
      throws Exception {
    String topic = newTopic();
    TopicPartition partition = new TopicPartition(topic, 0);
    int follower =
        cluster.nodeIds().stream()
            .filter(
                node -> node != cluster.leaderOf(partition) && node != cluster.activeControllerId())
            .findFirst()
            .orElseThrow();
    cluster.pause(follower);
    try (KafkaProducer<String, String> producer = producer()) {
      // while the follower is paused, a request the admin client routes to it times out: ask again
      await()
          .atMost(Duration.ofSeconds(45))
          .ignoreExceptions()
          .until(
              () -> {
                producer.send(new ProducerRecord<>(topic, "k", "tick")).get();
                return !cluster.inSyncReplicas(partition).contains(follower);
              });
    } finally {
      cluster.resume(follower);
    }
    cluster.awaitFullyReplicated(List.of(topic), Duration.ofSeconds(60));
    // the resumed broker may still answer from the metadata it had when paused: ask until all agree
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(cluster.inSyncReplicas(partition)).contains(follower));
  }

  private static String newTopic() {
    String topic = "cluster-test-" + UUID.randomUUID();
    TopicReplication replication = TopicReplication.CLUSTER;
    TopicCreator.ensure(
        cluster.bootstrapServers(),
        List.of(
            new TopicDefinition(
                topic,
                1,
                replication.factor(),
                Map.of("min.insync.replicas", Integer.toString(replication.minInsyncReplicas())))));
    return topic;
  }

  private static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            60_000),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "cluster-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
              });
    }
    return values;
  }
}
