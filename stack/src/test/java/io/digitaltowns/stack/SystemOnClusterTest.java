package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.kafka.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system (api, relay, consumers) on a three-broker cluster: registrations are welcomed
 * once, also while the broker leading the accounts partition is killed, and the killed broker
 * catches up when it is back.
 */
class SystemOnClusterTest {

  private static final String WELCOME = "Welcome to DigitalTowns";

  // Debezium registers its metrics once per JVM under the connector's name: the shared system's
  // relay rests while the system on the cluster runs, and starts again when it is closed
  private static SharedSystem.PausedRelay sharedRelay;

  private final LocalSystem system = SharedSystem.onCluster();

  @BeforeAll
  static void pause_the_shared_relay() {
    sharedRelay = SharedSystem.pauseRelay();
  }

  @AfterAll
  static void close_the_system_on_the_cluster() {
    SharedSystem.closeOnCluster();
    sharedRelay.close();
  }

  private final KafkaCluster cluster = system.stack().kafkaCluster();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void
      registrations_are_welcomed_once_while_the_leader_of_their_partition_is_killed_and_after_it_is_back() {
    String first = ApiClient.uniqueEmail("cluster");
    String userId = api.register(first, "Clustered");
    ConsumerRecord<byte[], byte[]> event = eventOf(userId);
    await().atMost(Duration.ofSeconds(60)).until(() -> welcomes(first) == 1);

    int leader = cluster.leaderOf(new TopicPartition(Topics.ACCOUNTS_EVENTS, event.partition()));
    cluster.kill(leader);
    List<String> whileDown = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        String email = ApiClient.uniqueEmail("broker-down");
        api.register(email, "Broker Down");
        whileDown.add(email);
      }
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> whileDown.stream().allMatch(email -> welcomes(email) >= 1));
    } finally {
      cluster.restart(leader);
    }
    cluster.awaitFullyReplicated(List.of(Topics.ACCOUNTS_EVENTS), Duration.ofSeconds(120));

    assertThat(welcomes(first)).isEqualTo(1);
    assertThat(whileDown)
        .allSatisfy(
            email -> assertThat(welcomes(email)).as("welcome mails to %s", email).isEqualTo(1));
  }

  private ConsumerRecord<byte[], byte[]> eventOf(String userId) {
    try (TopicReader reader =
        new TopicReader(system.stack().kafkaBootstrapServers(), Topics.ACCOUNTS_EVENTS)) {
      return await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  reader.poll().stream()
                      .filter(
                          record ->
                              record.key() != null
                                  && userId.equals(
                                      new String(record.key(), StandardCharsets.UTF_8)))
                      .findFirst(),
              Optional::isPresent)
          .orElseThrow();
    }
  }

  private long welcomes(String email) {
    return system.stack().mail().messages().stream()
        .filter(mail -> mail.to().stream().anyMatch(email::equalsIgnoreCase))
        .filter(mail -> WELCOME.equals(mail.subject()))
        .count();
  }
}
