package io.digitaltowns.consumers.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.AnalyticsCatalog;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the analytics group (Kafka Streams, exactly-once v2, one standby replica) on a
 * three-broker cluster: a day's registrations are counted once while the two share the tasks, and
 * still once after one instance leaves and the other carries on from the state it restored (or kept
 * as a standby).
 */
class AnalyticsTwoInstancesOnClusterTest {

  private static final Duration DEADLINE = Duration.ofSeconds(120);

  private static LocalStack cluster;
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static EventFeed traffic;
  private static JdbcClient jdbc;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    cluster = LocalStack.sharedCluster();
    first = RunningConsumers.start(cluster, instance());
    second = RunningConsumers.start(cluster, instance());
    jdbc = second.getBean(JdbcClient.class);
    traffic = new EventFeed(cluster);
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
  void the_topology_runs_exactly_once_with_a_standby_replica_and_replicated_internal_topics() {
    Properties config = first.getBean(AnalyticsStreams.class).config();

    assertThat(config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(config.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    assertThat(config.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
  }

  @Test
  void a_days_registrations_are_counted_once_by_two_instances_and_still_once_after_one_leaves() {
    Instant day =
        Instant.parse("2001-01-01T00:00:00Z")
            .plus(ThreadLocalRandom.current().nextInt(0, 5000), ChronoUnit.DAYS);
    String dayUtc = day.toString().substring(0, 10);
    register(day, 20);
    await().atMost(DEADLINE).until(() -> registrations(dayUtc), Optional.of(20L)::equals);

    first.close();
    register(day, 10);

    await().atMost(DEADLINE).until(() -> registrations(dayUtc), Optional.of(30L)::equals);
  }

  private static void register(Instant day, int count) {
    for (int i = 0; i < count; i++) {
      String userId = UUID.randomUUID().toString();
      traffic.send(
          Topics.ACCOUNTS_EVENTS,
          userId,
          AnalyticsEvents.registered(userId, SignupMethod.PASSWORD, day.plusSeconds(i)));
    }
  }

  private static Optional<Long> registrations(String dayUtc) {
    return jdbc.sql(
            "SELECT (figures ->> 'registrations')::bigint FROM consumers.analytics_figures "
                + "WHERE topic = :topic AND figures ->> 'dayUtc' = :day")
        .param("topic", AnalyticsCatalog.SIGNUPS_DAILY.name())
        .param("day", dayUtc)
        .query(Long.class)
        .optional();
  }

  private static Map<String, Object> instance() throws Exception {
    return Map.of(
        "digitaltowns.consumers.email.enabled", "false",
        "digitaltowns.consumers.analytics.enabled", "true",
        "digitaltowns.consumers.analytics.state-dir",
            Files.createTempDirectory("analytics-instance").toString(),
        "digitaltowns.consumers.analytics.replication-factor", "3",
        // commit (and so emit) often: the test waits for figures, not for throughput
        "spring.kafka.streams.properties[commit.interval.ms]", "200");
  }
}
