package io.digitaltowns.stack;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.kafka.KafkaCluster;
import io.digitaltowns.relay.engine.OutboxRelay;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on a three-broker Kafka cluster ({@link LocalStack#sharedCluster()}), with two relays (one active,
 * one standing by) and two instances of every consumer group; started once per test JVM by the fault tests.
 */
final class ClusterSystem {

  private static ClusterSystem started;

  private final LocalSystem system;
  private ConfigurableApplicationContext standbyRelay;
  private ConfigurableApplicationContext secondConsumers;
  private int consumerInstances = 1;

  private ClusterSystem(LocalSystem system) {
    this.system = system;
    standbyRelay = system.launchRelay();
    secondConsumers = system.launchConsumers(nextInstanceName());
  }

  static synchronized ClusterSystem get() {
    if (started == null) {
      Map<String, Object> settings = new HashMap<>(SharedSystem.SETTINGS);
      // the steady traffic's one resident writes to one business several times a second
      settings.put("digitaltowns.abuse-limits.business-contact.per-ip-capacity", 1_000_000);
      settings.put("digitaltowns.abuse-limits.business-contact.per-account-capacity", 1_000_000);
      LocalSystem system = LocalSystem.start(LocalStack.sharedCluster(), settings);
      started = new ClusterSystem(system);
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return started;
  }

  LocalSystem system() {
    return system;
  }

  KafkaCluster cluster() {
    return system.stack().kafkaCluster();
  }

  /**
   * Stops the relay that is streaming, without warning the other (in this JVM a relay's end is its context's close:
   * the engine stops and its leadership lock goes with its connection).
   *
   * @return true when the one that was stopped was the active one
   */
  synchronized boolean stopActiveRelay() {
    if (system.relay() != null && system.relay().getBean(OutboxRelay.class).isActive()) {
      system.stopRelay();
      return true;
    }
    if (standbyRelay != null && standbyRelay.getBean(OutboxRelay.class).isActive()) {
      standbyRelay.close();
      standbyRelay = null;
      return true;
    }
    return false;
  }

  /** Whichever relay is left streams now. */
  synchronized boolean aRelayIsActive() {
    return (system.relay() != null && system.relay().getBean(OutboxRelay.class).isActive())
        || (standbyRelay != null && standbyRelay.isActive() && standbyRelay.getBean(OutboxRelay.class).isActive());
  }

  /** Two relays again: the one stopped comes back, as a standby. */
  synchronized void replaceStoppedRelay() {
    if (system.relay() == null) {
      system.startRelay();
    }
    if (standbyRelay == null) {
      standbyRelay = system.launchRelay();
    }
  }

  /** Stops the second instance of every consumer group in the middle of its work. */
  synchronized void stopSecondConsumers() {
    secondConsumers.close();
  }

  /** Starts a new second instance (its partitions come back to it in a rebalance). */
  synchronized void startSecondConsumers() {
    secondConsumers = system.launchConsumers(nextInstanceName());
  }

  private String nextInstanceName() {
    return "instance-" + (++consumerInstances);
  }

  private synchronized void close() {
    if (secondConsumers != null) {
      secondConsumers.close();
    }
    if (standbyRelay != null) {
      standbyRelay.close();
    }
    system.close();
  }
}
