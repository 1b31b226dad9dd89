package io.digitaltowns.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicsCommandTest {

  private static Admin admin;

  @BeforeAll
  static void connect() {
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ops.stack().kafkaBootstrapServers()));
  }

  @AfterAll
  static void disconnect() {
    admin.close();
  }

  @Test
  void check_finds_a_missing_topic_and_create_makes_it_as_defined() throws Exception {
    TopicDefinition definition = definition(Topics.TOWNS_EVENTS);
    String topic = definition.name();
    admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !admin.listTopics().names().get().contains(topic));

    Ops.Run check = Ops.kafka("topics", "check");
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(OpsExit.DIFFERENCES);
    assertThat(check.out())
        .containsPattern(
            topic.replace(".", "\\.")
                + " +missing: create with "
                + definition.partitions()
                + " partitions");

    Ops.Run plan = Ops.kafka("topics", "create", "--dry-run");
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(OpsExit.OK);
    assertThat(plan.out()).contains("dry run").contains(topic);
    assertThat(admin.listTopics().names().get()).doesNotContain(topic);

    Ops.Run create = createUntilTheDeletionIsDone();
    assertThat(create.out())
        .contains(
            "created "
                + topic
                + " ("
                + definition.partitions()
                + " partitions, replication factor "
                + definition.replicationFactor()
                + ")");
    TopicDescription created =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    assertThat(created.partitions()).hasSize(definition.partitions());
    assertThat(config(topic, "retention.ms")).isEqualTo(definition.configs().get("retention.ms"));

    Ops.Run again = Ops.kafka("topics", "check");
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(OpsExit.OK);
    assertThat(again.out()).contains("topics are as defined");
  }

  @Test
  void a_config_that_drifted_is_reported_and_set_back() throws Exception {
    TopicDefinition definition = definition(Topics.ACCOUNTS_EVENTS);
    String topic = definition.name();
    String retention = definition.configs().get("retention.ms");
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    admin
        .incrementalAlterConfigs(
            Map.of(
                resource,
                List.of(
                    new AlterConfigOp(
                        new ConfigEntry("retention.ms", "60000"), AlterConfigOp.OpType.SET))))
        .all()
        .get(30, TimeUnit.SECONDS);

    Ops.Run check = Ops.kafka("topics", "check", "--topic", topic);
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(OpsExit.DIFFERENCES);
    assertThat(check.out()).contains("config retention.ms is 60000, needs " + retention);

    Ops.Run create = Ops.kafka("topics", "create", "--topic", topic);
    assertThat(create.exitCode()).as(create.toString()).isEqualTo(OpsExit.OK);
    assertThat(create.out()).contains("set " + topic + " retention.ms=" + retention);
    assertThat(config(topic, "retention.ms")).isEqualTo(retention);
  }

  @Test
  void a_replication_factor_the_topic_does_not_have_is_left_to_an_operator() {
    Ops.Run create =
        Ops.kafka(
            "topics", "create", "--topic", Topics.ACCOUNTS_EVENTS, "--replication-factor", "3");

    assertThat(create.exitCode()).as(create.toString()).isEqualTo(OpsExit.DIFFERENCES);
    assertThat(create.out())
        .contains("replication factor is 1, below the configured 3")
        .contains("not changed by this tool");
  }

  private static TopicDefinition definition(String name) {
    return Topics.all().stream()
        .filter(candidate -> candidate.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** KRaft finishes deleting a topic's log shortly after the topic leaves the listing. */
  private static Ops.Run createUntilTheDeletionIsDone() {
    Ops.Run[] last = new Ops.Run[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = Ops.kafka("topics", "create");
              return last[0].exitCode() == OpsExit.OK;
            });
    return last[0];
  }

  private static String config(String topic, String key) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get(30, TimeUnit.SECONDS)
        .get(resource)
        .get(key)
        .value();
  }
}
