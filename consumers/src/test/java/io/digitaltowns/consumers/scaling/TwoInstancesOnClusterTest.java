package io.digitaltowns.consumers.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Two instances of the consumers application, each running the email and crm groups, against a
 * three-broker cluster (topics with three replicas, min.insync.replicas 2): the groups split the
 * partitions between them, each registration is welcomed once and counted once in the CRM, and when
 * one instance leaves the other takes its partitions over without a second mail.
 */
class TwoInstancesOnClusterTest {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final String WELCOME = "Welcome to DigitalTowns";

  private static LocalStack cluster;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static EventFeed traffic;
  private static int emailMembersPerInstance;
  private static int crmMembersPerInstance;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    cluster = LocalStack.sharedCluster();
    first = RunningConsumers.start(cluster, instance());
    // a group has one member per listener container of an instance (one per topic it reads)
    await().atMost(DEADLINE).until(() -> members("email") > 0 && members("crm") > 0);
    emailMembersPerInstance = members("email");
    crmMembersPerInstance = members("crm");
    second = RunningConsumers.start(cluster, instance());
    traffic = new EventFeed(cluster);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                members("email") == 2 * emailMembersPerInstance
                    && members("crm") == 2 * crmMembersPerInstance);
  }

  @AfterAll
  static void stopInstances() {
    if (traffic != null) {
      traffic.close();
    }
    for (ConfigurableApplicationContext instance :
        new ConfigurableApplicationContext[] {first, second}) {
      if (instance != null && instance.isActive()) {
        instance.close();
      }
    }
  }

  @Test
  void
      each_registration_is_welcomed_once_and_counted_once_while_two_instances_share_the_partitions_and_one_leaves()
          throws Exception {
    List<String> emails = new ArrayList<>();
    Map<String, String> users = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      register(emails, users);
    }
    awaitEachOnce(emails, users);

    // the first instance leaves (a deploy, a crash handled by the group's rebalance): the second
    // has all partitions
    first.close();
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                members("email") == emailMembersPerInstance
                    && members("crm") == crmMembersPerInstance);
    for (int i = 0; i < 20; i++) {
      register(emails, users);
    }
    awaitEachOnce(emails, users);

    assertThat(traffic.keysIn(Topics.ACCOUNTS_EVENTS_EMAIL_DLT))
        .doesNotContainAnyElementsOf(users.values());
    assertThat(traffic.keysIn(Topics.ACCOUNTS_EVENTS_CRM_DLT))
        .doesNotContainAnyElementsOf(users.values());
  }

  @Test
  void the_dead_letter_producer_waits_for_every_in_sync_replica_and_is_idempotent() {
    ProducerConfig effective =
        new ProducerConfig(second.getBean(ProducerFactory.class).getConfigurationProperties());

    assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
    assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
  }

  private static void register(List<String> emails, Map<String, String> users) {
    String userId = UUID.randomUUID().toString();
    String email = "scaled-" + userId + "@example.org";
    traffic.send(
        Topics.ACCOUNTS_EVENTS,
        userId,
        UserRegistered.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setAggregateId(userId)
            .setEmail(email)
            .setDisplayName("Scaled")
            .setSignupMethod(SignupMethod.PASSWORD)
            .build());
    emails.add(email);
    users.put(email, userId);
  }

  /**
   * Every mail and CRM activity arrives, then the groups have nothing left to read: a second copy
   * would be there by now.
   */
  private static void awaitEachOnce(List<String> emails, Map<String, String> users)
      throws Exception {
    await().atMost(DEADLINE).until(() -> emails.stream().allMatch(email -> welcomes(email) >= 1));
    await()
        .atMost(DEADLINE)
        .until(
            () -> emails.stream().allMatch(email -> registeredActivities(users.get(email)) >= 1));
    await().atMost(DEADLINE).until(() -> lag("email") == 0 && lag("crm") == 0);
    for (String email : emails) {
      assertThat(welcomes(email)).as("welcome mails to %s", email).isEqualTo(1);
      assertThat(registeredActivities(users.get(email)))
          .as("CRM activities of %s", email)
          .isEqualTo(1);
    }
  }

  private static Map<String, Object> instance() throws Exception {
    Map<String, Object> settings = new HashMap<>();
    settings.put("digitaltowns.consumers.email.enabled", "true");
    settings.put("digitaltowns.consumers.crm.enabled", "true");
    settings.put(
        "digitaltowns.consumers.analytics.state-dir",
        Files.createTempDirectory("analytics-instance"));
    return settings;
  }

  private static long welcomes(String email) {
    return cluster.mail().messages().stream()
        .filter(mail -> mail.to().stream().anyMatch(email::equalsIgnoreCase))
        .filter(mail -> WELCOME.equals(mail.subject()))
        .count();
  }

  private static int registeredActivities(String userId) {
    try (Connection connection =
            DriverManager.getConnection(
                cluster.jdbcUrl(), cluster.databaseUser(), cluster.databasePassword());
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM consumers.crm_view_activities WHERE user_id = ? AND business_id IS NULL")) {
      statement.setString(1, userId);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The group's members; none while the group does not exist yet (no instance has joined it). */
  private static int members(String group) throws Exception {
    try (Admin admin = admin()) {
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
      return description.members().size();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return 0;
      }
      throw e;
    }
  }

  /** Records on dt.accounts.events the group has not committed yet. */
  private static long lag(String group) throws Exception {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(List.of(Topics.ACCOUNTS_EVENTS))
              .allTopicNames()
              .get()
              .get(Topics.ACCOUNTS_EVENTS)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      partition ->
                          new TopicPartition(Topics.ACCOUNTS_EVENTS, partition.partition()),
                      partition -> OffsetSpec.latest()));
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end :
          admin.listOffsets(latest).all().get().entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        lag += end.getValue().offset() - (offset == null ? 0 : offset.offset());
      }
      return lag;
    }
  }

  private static Admin admin() {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.kafkaBootstrapServers()));
  }
}
