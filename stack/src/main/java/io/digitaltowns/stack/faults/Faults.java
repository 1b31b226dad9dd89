package io.digitaltowns.stack.faults;

import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.kafka.KafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The faults of issue 21, each injected into a {@link ScaledOutSystem} while its traffic flows and
 * healed once it has had its effect (the traffic went on without the broker for a while, the paused
 * broker left the ISR, the api refused commands while PostgreSQL was down...). Each returns when
 * the fault is healed, with when it began and ended.
 */
public final class Faults {

  /** The longest a fault may take to have its effect, or to heal. */
  public static final Duration DEADLINE = Duration.ofSeconds(90);

  /** Commands acknowledged while a broker or a consumer instance is away, before it comes back. */
  private static final int COMMANDS_DURING_FAULT = 10;

  private final ScaledOutSystem system;

  public Faults(ScaledOutSystem system) {
    this.system = system;
  }

  /** The kinds, for a soak that picks them at random. */
  public enum Kind {
    LEADER_OF_BUSIEST_PARTITION_KILLED,
    CONTROLLER_KILLED,
    CONSUMER_INSTANCE_KILLED_AND_REPLACED,
    ACTIVE_RELAY_KILLED_WHILE_A_BROKER_IS_DOWN,
    BROKER_PAUSED_OUT_OF_THE_ISR,
    POSTGRESQL_RESTARTED
  }

  public FaultWindow inject(Kind kind, SteadyTraffic traffic) {
    return switch (kind) {
      case LEADER_OF_BUSIEST_PARTITION_KILLED -> killLeaderOfTheBusiestPartition(traffic);
      case CONTROLLER_KILLED -> killTheActiveController(traffic);
      case CONSUMER_INSTANCE_KILLED_AND_REPLACED -> killAndReplaceAConsumerInstance(traffic);
      case ACTIVE_RELAY_KILLED_WHILE_A_BROKER_IS_DOWN ->
          killTheActiveRelayWhileABrokerIsDown(traffic);
      case BROKER_PAUSED_OUT_OF_THE_ISR -> pauseABrokerOutOfTheIsr();
      case POSTGRESQL_RESTARTED -> restartPostgresql(traffic);
    };
  }

  /**
   * SIGKILL of the broker leading the domain-topic partition with the most records; restarted after
   * a while.
   */
  public FaultWindow killLeaderOfTheBusiestPartition(SteadyTraffic traffic) {
    int leader = cluster().leaderOf(busiestPartition());
    return window(
        "leader of the busiest partition killed",
        () -> cluster().kill(leader),
        acceptedMore(traffic),
        () -> cluster().restart(leader));
  }

  /**
   * SIGKILL of the KRaft quorum's leader (every node is broker and controller); restarted after a
   * while.
   */
  public FaultWindow killTheActiveController(SteadyTraffic traffic) {
    int controller = cluster().activeControllerId();
    return window(
        "active controller killed",
        () -> cluster().kill(controller),
        acceptedMore(traffic),
        () -> cluster().restart(controller));
  }

  /**
   * The process running the second instance of every consumer group SIGKILLed in the middle of its
   * work; a new one started later.
   */
  public FaultWindow killAndReplaceAConsumerInstance(SteadyTraffic traffic) {
    return window(
        "a consumer instance SIGKILLed under load, another started",
        system::killSecondConsumers,
        acceptedMore(traffic),
        system::startSecondConsumers);
  }

  /**
   * A broker killed; then the streaming relay's process SIGKILLed: the standby must take over with
   * a broker down.
   */
  public FaultWindow killTheActiveRelayWhileABrokerIsDown(SteadyTraffic traffic) {
    int broker = followerOfTheBusiestPartition();
    BooleanSupplier accepted = acceptedMore(traffic);
    return window(
        "active relay SIGKILLed while a broker is down",
        () -> {
          cluster().kill(broker);
          // the streaming relay may be between two streams when the broker goes (its producer
          // failed): it is killed once it streams again
          Polling.until("a relay streaming, to kill", system::killActiveRelay, DEADLINE);
        },
        () -> system.aRelayIsActive() && accepted.getAsBoolean(),
        () -> {
          cluster().restart(broker);
          system.replaceKilledRelays();
        });
  }

  /**
   * SIGSTOP of a follower of the busiest partition until the controller has taken it out of the
   * partition's ISR (it stops heartbeating, is fenced); SIGCONT, then wait until it is back in
   * sync.
   */
  public FaultWindow pauseABrokerOutOfTheIsr() {
    TopicPartition busiest = busiestPartition();
    int follower = followerOfTheBusiestPartition();
    return window(
        "broker paused (SIGSTOP) until out of the ISR",
        () -> cluster().pause(follower),
        () -> !cluster().inSyncReplicas(busiest).contains(follower),
        () -> {
          cluster().resume(follower);
          cluster().awaitFullyReplicated(List.of(busiest.topic()), DEADLINE);
        });
  }

  /** PostgreSQL stopped under load until the api has refused a few commands, then started again. */
  public FaultWindow restartPostgresql(SteadyTraffic traffic) {
    int refusedBefore = traffic.refused();
    return window(
        "PostgreSQL stopped and started",
        () -> system.system().stack().postgres().stop(),
        () -> traffic.refused() >= refusedBefore + 3,
        () -> system.system().stack().postgres().start());
  }

  /**
   * Undoes whatever a failed fault left behind: every broker running, PostgreSQL up, two relays.
   */
  public void healEverything() {
    for (int node : cluster().nodeIds()) {
      cluster().resume(node);
      if (!cluster().isAlive(node)) {
        cluster().restart(node);
      }
    }
    system.system().stack().postgres().start();
    system.replaceKilledRelays();
    system.startSecondConsumers();
  }

  private FaultWindow window(
      String name, Runnable inject, BooleanSupplier healWhen, Runnable heal) {
    Instant injected = Instant.now();
    inject.run();
    Polling.until(name + ": its effect", healWhen, DEADLINE);
    heal.run();
    return new FaultWindow(name, injected, Instant.now());
  }

  private static BooleanSupplier acceptedMore(SteadyTraffic traffic) {
    int target = traffic.accepted().size() + COMMANDS_DURING_FAULT;
    return () -> traffic.accepted().size() >= target;
  }

  private KafkaCluster cluster() {
    return system.cluster();
  }

  /** The domain-topic partition holding the most records. */
  public TopicPartition busiestPartition() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.system().stack().kafkaBootstrapServers()))) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(Topics.ACCOUNTS_EVENTS, Topics.BUSINESSES_EVENTS))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          partition ->
                              latest.put(
                                  new TopicPartition(topic, partition.partition()),
                                  OffsetSpec.latest())));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.offset(), b.offset())))
          .orElseThrow()
          .getKey();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot find the busiest partition", e);
    }
  }

  /** A broker with an in-sync replica of the busiest partition that does not lead it. */
  private int followerOfTheBusiestPartition() {
    TopicPartition busiest = busiestPartition();
    int leader = cluster().leaderOf(busiest);
    return cluster().inSyncReplicas(busiest).stream()
        .filter(node -> node != leader)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no in-sync follower of " + busiest));
  }
}
