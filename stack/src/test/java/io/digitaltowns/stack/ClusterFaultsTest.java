package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.stack.faults.EffectChecker;
import io.digitaltowns.stack.faults.FaultWindow;
import io.digitaltowns.stack.faults.Faults;
import io.digitaltowns.stack.faults.ScaledOutSystem;
import io.digitaltowns.stack.faults.SteadyTraffic;
import io.digitaltowns.stack.faults.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults on a three-broker Kafka cluster while registrations, new listings and contact messages
 * flow at a steady rate through the api, with two relays and two instances of every consumer group
 * ({@link ClusterSystem}). For every command the api acknowledged, {@link EffectChecker} checks its
 * events on Kafka as committed, each effect exactly once, no dead letter, and how long the effects
 * took while the fault was in force; the figures go to target/reliability/cluster-*.json for
 * docs/reliability.md. Run alone with {@code -Dtest=ClusterFaultsTest}; the ones tagged slow-faults
 * only run with {@code -Dfaults.excluded=none} (they are among the soak's faults too).
 */
@Tag("faults")
class ClusterFaultsTest {

  private static final double COMMANDS_PER_SECOND = 5;
  private static final int COMMANDS_BEFORE_AND_AFTER = 15;
  private static final Duration EFFECTS_DEADLINE = Duration.ofMinutes(3);
  private static final Path REPORTS = Path.of("target", "reliability");

  private final ScaledOutSystem scaledOut = ClusterSystem.get();
  private final LocalSystem system = scaledOut.system();
  private final Faults faults = new Faults(scaledOut);

  @AfterEach
  void everythingIsBack() {
    faults.healEverything();
  }

  @Test
  @Tag("slow-faults")
  void
      killing_the_leader_of_the_busiest_partition_and_then_the_controller_loses_nothing_and_repeats_nothing() {
    assertClean(
        underTraffic(
            "broker SIGKILLed and restarted",
            traffic ->
                List.of(
                    faults.killLeaderOfTheBusiestPartition(traffic),
                    faults.killTheActiveController(traffic))));
  }

  @Test
  void
      a_consumer_instance_killed_mid_batch_and_another_started_loses_nothing_and_repeats_nothing() {
    assertClean(
        underTraffic(
            "consumer instance killed and replaced",
            traffic -> List.of(faults.killAndReplaceAConsumerInstance(traffic))));
  }

  @Test
  void
      the_active_relay_killed_while_a_broker_is_down_hands_over_to_the_standby_and_loses_nothing() {
    assertClean(
        underTraffic(
            "active relay killed while a broker is down",
            traffic -> List.of(faults.killTheActiveRelayWhileABrokerIsDown(traffic))));
  }

  @Test
  @Tag("slow-faults")
  void a_broker_paused_until_it_drops_out_of_the_in_sync_replicas_catches_up_and_nothing_is_lost() {
    assertClean(
        underTraffic(
            "broker paused out of the ISR", traffic -> List.of(faults.pauseABrokerOutOfTheIsr())));
  }

  @Test
  void postgresql_restarted_under_load_loses_no_acknowledged_command_and_repeats_nothing() {
    assertClean(
        underTraffic(
            "PostgreSQL restarted under load",
            traffic -> List.of(faults.restartPostgresql(traffic))));
  }

  /**
   * Traffic before, during and after the faults; then every effect of every acknowledged command.
   */
  private Verdict underTraffic(String run, Function<SteadyTraffic, List<FaultWindow>> scenario) {
    Instant began = Instant.now();
    try (EffectChecker checker = EffectChecker.watching(scaledOut);
        SteadyTraffic traffic = SteadyTraffic.start(system, COMMANDS_PER_SECOND)) {
      checker.following(traffic::accepted);
      awaitMore(traffic);
      List<FaultWindow> injected = scenario.apply(traffic);
      awaitMore(traffic);
      traffic.stop();
      Verdict verdict = checker.await(traffic.accepted(), injected, EFFECTS_DEADLINE);
      verdict.write(
          REPORTS,
          "cluster " + run,
          Map.of(
              "faultsInjected",
              injected.size(),
              "commandsRefused",
              traffic.refused(),
              "seconds",
              Duration.between(began, Instant.now()).toSeconds()));
      return verdict;
    }
  }

  private static void awaitMore(SteadyTraffic traffic) {
    int target = traffic.accepted().size() + COMMANDS_BEFORE_AND_AFTER;
    await().atMost(Faults.DEADLINE).until(() -> traffic.accepted().size() >= target);
  }

  private static void assertClean(Verdict verdict) {
    assertThat(verdict.commandsAccepted()).as("commands acknowledged").isPositive();
    assertThat(verdict.lost()).as(verdict.toString()).isZero();
    assertThat(verdict.duplicated()).as(verdict.toString()).isZero();
    assertThat(verdict.aggregatesNotAsCommitted()).as(verdict.toString()).isZero();
    assertThat(verdict.deadLetters()).as(verdict.toString()).isZero();
  }
}
