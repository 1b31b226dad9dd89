package io.digitaltowns.stack.faults;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.kafka.KafkaCluster;
import io.digitaltowns.relay.engine.OutboxRelay;
import io.digitaltowns.stack.LocalSystem;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system scaled out as issue 21 asks, on a stack whose Kafka is a cluster: two relays
 * (one streaming, one standing by) and two instances of every consumer group. The fault tests and
 * the soak run against it.
 */
public final class ScaledOutSystem implements AutoCloseable {

  private final LocalSystem system;
  private ConfigurableApplicationContext standbyRelay;
  private ConfigurableApplicationContext secondConsumers;
  private int consumerInstances = 1;

  private ScaledOutSystem(LocalSystem system) {
    this.system = system;
    standbyRelay = system.launchRelay();
    secondConsumers = system.launchConsumers(nextInstanceName());
  }

  /**
   * @param settings the services' settings; the contact limits are lifted on top of them, since the
   *     steady traffic's one resident writes to one business several times a second
   */
  public static ScaledOutSystem start(LocalStack clusterStack, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("digitaltowns.abuse-limits.business-contact.per-ip-capacity", 1_000_000);
    all.put("digitaltowns.abuse-limits.business-contact.per-account-capacity", 1_000_000);
    return new ScaledOutSystem(LocalSystem.start(clusterStack, all));
  }

  public LocalSystem system() {
    return system;
  }

  public KafkaCluster cluster() {
    return system.stack().kafkaCluster();
  }

  /**
   * Stops the relay that is streaming, without warning the other (in one JVM a relay's end is its
   * context's close: the engine stops and its leadership lock goes with its database connection).
   *
   * @return true when a relay was streaming
   */
  public synchronized boolean stopActiveRelay() {
    if (isActive(system.relay())) {
      system.stopRelay();
      return true;
    }
    if (isActive(standbyRelay)) {
      standbyRelay.close();
      standbyRelay = null;
      return true;
    }
    return false;
  }

  /** One of the relays streams. */
  public synchronized boolean aRelayIsActive() {
    return isActive(system.relay()) || isActive(standbyRelay);
  }

  /** Two relays again: the one stopped comes back, as a standby. */
  public synchronized void replaceStoppedRelay() {
    if (system.relay() == null) {
      system.startRelay();
    }
    if (standbyRelay == null) {
      standbyRelay = system.launchRelay();
    }
  }

  /** Stops the second instance of every consumer group, whatever it is in the middle of. */
  public synchronized void stopSecondConsumers() {
    if (secondConsumers != null) {
      secondConsumers.close();
      secondConsumers = null;
    }
  }

  /**
   * Starts a new second instance (fresh local state: its analytics stores are restored from their
   * changelogs).
   */
  public synchronized void startSecondConsumers() {
    if (secondConsumers == null) {
      secondConsumers = system.launchConsumers(nextInstanceName());
    }
  }

  private static boolean isActive(ConfigurableApplicationContext relay) {
    return relay != null && relay.isActive() && relay.getBean(OutboxRelay.class).isActive();
  }

  private String nextInstanceName() {
    return "instance-" + (++consumerInstances);
  }

  @Override
  public synchronized void close() {
    stopSecondConsumers();
    if (standbyRelay != null) {
      standbyRelay.close();
    }
    system.close();
  }
}
