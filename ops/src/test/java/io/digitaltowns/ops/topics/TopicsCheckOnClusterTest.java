package io.digitaltowns.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.TopicReplication;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/**
 * {@code ops topics check} against a real three-broker cluster, configured for replication factor
 * 3.
 */
class TopicsCheckOnClusterTest {

  private final LocalStack cluster = LocalStack.sharedCluster();

  @Test
  void the_system_topics_on_a_three_broker_cluster_are_as_configured() {
    Ops.Run check = check();

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(OpsExit.OK);
    assertThat(check.out()).contains("All " + Topics.all().size() + " topics are as defined.");
  }

  @Test
  void a_topic_with_one_replica_and_a_lower_min_insync_replicas_is_reported() throws Exception {
    String topic = Topics.ANALYTICS_ENGAGEMENT_DAILY;
    TopicDefinition configured =
        Topics.all(TopicReplication.CLUSTER).stream()
            .filter(definition -> definition.name().equals(topic))
            .findFirst()
            .orElseThrow();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()))) {
      // what a topic created by hand, or by a tool with its defaults, looks like on the cluster
      TopicDefinition oneReplica =
          new TopicDefinition(
              topic,
              configured.partitions(),
              (short) 1,
              Map.of("cleanup.policy", "compact", "min.insync.replicas", "1"));
      recreate(admin, oneReplica);
      try {
        Ops.Run check = check();

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(OpsExit.DIFFERENCES);
        assertThat(check.out())
            .containsPattern(
                topic.replace(".", "\\.") + " +replication factor is 1, below the configured 3")
            .containsPattern(
                topic.replace(".", "\\.") + " +config min.insync.replicas is 1, needs 2")
            .contains("1 of " + Topics.all().size() + " topics differ");
      } finally {
        recreate(admin, configured);
      }
    }
  }

  /** Deletion is asynchronous: creating again succeeds once the old topic is gone. */
  private void recreate(Admin admin, TopicDefinition definition) throws Exception {
    admin.deleteTopics(List.of(definition.name())).all().get(30, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              TopicCreator.ensure(cluster.kafkaBootstrapServers(), List.of(definition));
              TopicDescription description =
                  admin
                      .describeTopics(List.of(definition.name()))
                      .allTopicNames()
                      .get()
                      .get(definition.name());
              assertThat(description.partitions())
                  .allSatisfy(
                      partition ->
                          assertThat(partition.replicas()).hasSize(definition.replicationFactor()));
            });
  }

  private Ops.Run check() {
    return Ops.run(
        "topics",
        "check",
        "--bootstrap-servers",
        cluster.kafkaBootstrapServers(),
        "--replication-factor",
        "3");
  }
}
