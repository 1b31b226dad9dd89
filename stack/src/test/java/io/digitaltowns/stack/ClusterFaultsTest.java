package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.kafka.KafkaCluster;
import io.digitaltowns.infra.topics.Topics;
import io.digitaltowns.stack.faults.EffectChecker;
import io.digitaltowns.stack.faults.FaultWindow;
import io.digitaltowns.stack.faults.SteadyTraffic;
import io.digitaltowns.stack.faults.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults on a three-broker Kafka cluster while registrations, new listings and contact messages flow at a steady
 * rate through the api, with two relays and two instances of every consumer group ({@link ClusterSystem}). For every
 * command the api acknowledged, {@link EffectChecker} checks its events on Kafka as committed, each effect exactly
 * once, no dead letter, and reports how long the effects took while the fault was in force; the figures go to
 * target/reliability/cluster-*.json for docs/reliability.md. Run alone with {@code -Dgroups=faults}.
 */
@Tag("faults")
class ClusterFaultsTest {

  private static final double COMMANDS_PER_SECOND = 5;
  private static final Duration EFFECTS_DEADLINE = Duration.ofMinutes(3);
  private static final Duration FAULT_DEADLINE = Duration.ofSeconds(90);
  private static final Path REPORTS = Path.of("target", "reliability");

  private final ClusterSystem cluster = ClusterSystem.get();
  private final LocalSystem system = cluster.system();

  @AfterEach
  void everythingIsBack() {
    KafkaCluster kafka = cluster.cluster();
    for (int node : kafka.nodeIds()) {
      kafka.resume(node);
      if (!kafka.isAlive(node)) {
        kafka.restart(node);
      }
    }
    system.stack().postgres().start();
    cluster.replaceStoppedRelay();
  }

  @Test
  void killing_the_leader_of_the_busiest_partition_and_then_the_controller_loses_nothing_and_repeats_nothing() {
    Verdict verdict = underTraffic("broker SIGKILLed and restarted", traffic -> {
      List<FaultWindow> faults = new ArrayList<>();
      int leader = cluster.cluster().leaderOf(busiestPartition());
      faults.add(fault("leader of the busiest partition killed", traffic,
          () -> cluster.cluster().kill(leader), acceptedMore(traffic, 10), () -> cluster.cluster().restart(leader)));
      int controller = cluster.cluster().activeControllerId();
      faults.add(fault("active controller killed", traffic,
          () -> cluster.cluster().kill(controller), acceptedMore(traffic, 10), () -> cluster.cluster().restart(controller)));
      return faults;
    });

    assertClean(verdict);
  }

  @Test
  void a_consumer_instance_stopped_mid_batch_and_another_started_loses_nothing_and_repeats_nothing() {
    Verdict verdict = underTraffic("consumer instance stopped, another started", traffic -> List.of(
        fault("second instance of every group stopped under load", traffic, cluster::stopSecondConsumers,
            acceptedMore(traffic, 10), cluster::startSecondConsumers)));

    assertClean(verdict);
  }

  @Test
  void the_active_relay_stopped_while_a_broker_is_down_hands_over_to_the_standby() {
    Verdict verdict = underTraffic("active relay stopped while a broker is down", traffic -> {
      int broker = followerOfBusiestPartition();
      return List.of(fault("broker killed, then the active relay stopped", traffic, () -> {
        cluster.cluster().kill(broker);
        assertThat(cluster.stopActiveRelay()).as("a relay was active").isTrue();
      }, () -> cluster.aRelayIsActive() && acceptedMore(traffic, 10).getAsBoolean(), () -> {
        cluster.cluster().restart(broker);
        cluster.replaceStoppedRelay();
      }));
    });

    assertClean(verdict);
  }

  @Test
  void a_broker_paused_until_it_drops_out_of_the_in_sync_replicas_catches_up_and_nothing_is_lost() {
    Verdict verdict = underTraffic("broker paused out of the ISR", traffic -> {
      TopicPartition busiest = busiestPartition();
      int follower = followerOfBusiestPartition();
      FaultWindow paused = fault("broker paused (SIGSTOP) until out of the ISR", traffic,
          () -> cluster.cluster().pause(follower),
          () -> !cluster.cluster().inSyncReplicas(busiest).contains(follower), () -> {
            cluster.cluster().resume(follower);
            cluster.cluster().awaitFullyReplicated(List.of(busiest.topic()), FAULT_DEADLINE);
          });
      return List.of(paused);
    });

    assertClean(verdict);
  }

  @Test
  void postgresql_restarted_under_load_loses_no_acknowledged_command_and_repeats_nothing() {
    Verdict verdict = underTraffic("PostgreSQL restarted under load", traffic -> {
      int refusedBefore = traffic.refused();
      return List.of(fault("PostgreSQL stopped and started", traffic, () -> system.stack().postgres().stop(),
          () -> traffic.refused() >= refusedBefore + 3, () -> system.stack().postgres().start()));
    });

    assertClean(verdict);
  }

  private interface Scenario {
    List<FaultWindow> inject(SteadyTraffic traffic);
  }

  /** Traffic before, during and after the scenario's faults; then every effect of every acknowledged command. */
  private Verdict underTraffic(String run, Scenario scenario) {
    Instant began = Instant.now();
    List<FaultWindow> faults;
    SteadyTraffic stopped;
    try (EffectChecker checker = EffectChecker.watching(system)) {
      try (SteadyTraffic traffic = SteadyTraffic.start(system, COMMANDS_PER_SECOND)) {
        await().atMost(FAULT_DEADLINE).until(acceptedMore(traffic, 15)::getAsBoolean);
        faults = scenario.inject(traffic);
        await().atMost(FAULT_DEADLINE).until(acceptedMore(traffic, 15)::getAsBoolean);
        traffic.stop();
        stopped = traffic;
      }
      Verdict verdict = checker.await(stopped.accepted(), faults, EFFECTS_DEADLINE);
      Map<String, Object> extra = new HashMap<>();
      extra.put("faultsInjected", faults.size());
      extra.put("commandsRefused", stopped.refused());
      extra.put("seconds", Duration.between(began, Instant.now()).toSeconds());
      verdict.write(REPORTS, "cluster " + run, extra);
      return verdict;
    }
  }

  private FaultWindow fault(String name, SteadyTraffic traffic, Runnable inject, BooleanSupplier healWhen,
      Runnable heal) {
    Instant injected = Instant.now();
    inject.run();
    await().atMost(FAULT_DEADLINE).pollInterval(Duration.ofMillis(200)).until(healWhen::getAsBoolean);
    heal.run();
    return new FaultWindow(name, injected, Instant.now());
  }

  private static BooleanSupplier acceptedMore(SteadyTraffic traffic, int more) {
    int target = traffic.accepted().size() + more;
    return () -> traffic.accepted().size() >= target;
  }

  private static void assertClean(Verdict verdict) {
    assertThat(verdict.commandsAccepted()).as("commands acknowledged").isPositive();
    assertThat(verdict.lost()).as(verdict.toString()).isZero();
    assertThat(verdict.duplicated()).as(verdict.toString()).isZero();
    assertThat(verdict.aggregatesNotAsCommitted()).as(verdict.toString()).isZero();
    assertThat(verdict.deadLetters()).as(verdict.toString()).isZero();
  }

  /** The domain-topic partition holding the most records. */
  private TopicPartition busiestPartition() {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        system.stack().kafkaBootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(Topics.ACCOUNTS_EVENTS, Topics.BUSINESSES_EVENTS)).allTopicNames()
          .get(30, TimeUnit.SECONDS).forEach((topic, description) -> description.partitions().forEach(partition ->
              latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.offset(), b.offset())))
          .orElseThrow().getKey();
    } catch (Exception e) {
      throw new IllegalStateException("cannot find the busiest partition", e);
    }
  }

  /** A broker that holds a replica of the busiest partition without leading it. */
  private int followerOfBusiestPartition() {
    TopicPartition busiest = busiestPartition();
    int leader = cluster.cluster().leaderOf(busiest);
    return cluster.cluster().inSyncReplicas(busiest).stream().filter(node -> node != leader).findFirst().orElseThrow();
  }
}
