package io.digitaltowns.stack.faults;

import io.digitaltowns.consumers.ConsumersApplication;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.hubspot.HubSpotStandIn;
import io.digitaltowns.infra.kafka.KafkaCluster;
import io.digitaltowns.relay.RelayApplication;
import io.digitaltowns.stack.LocalSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system scaled out as issue 21 asks, on a stack whose Kafka is a cluster: two relays
 * (one streaming, one standing by) and two instances of every consumer group. The fault tests and
 * the soak run against it.
 *
 * <p>What the faults kill runs as processes of its own ({@link ServiceProcess}): both relays, and
 * the second instance of every consumer group (one JVM for all the groups). The api and the first
 * consumer instance run in this JVM with {@link LocalSystem}. The crm-sync group runs too, in both
 * instances, against a {@link HubSpotStandIn}.
 */
public final class ScaledOutSystem implements AutoCloseable {

  private static final int RELAYS = 2;
  private static final String RELAY_HEAP = "384m";
  private static final String CONSUMERS_HEAP = "512m";

  private final LocalSystem system;
  private final HubSpotStandIn hubSpot;
  private final Path logs;
  private final List<ServiceProcess> relays = new ArrayList<>();
  private ServiceProcess secondConsumers;
  private int relaysStarted;
  private int consumerInstances = 1;

  private ScaledOutSystem(LocalSystem system, HubSpotStandIn hubSpot) {
    this.system = system;
    this.hubSpot = hubSpot;
    this.logs = system.stack().settings().dataDir().resolve("service-processes");
    // the relay in this JVM stops (gracefully, before any traffic): whichever relay streams must be
    // a process a fault can SIGKILL
    system.stopRelay();
    List<ServiceProcess> starting = new ArrayList<>();
    for (int i = 0; i < RELAYS; i++) {
      starting.add(launchRelay());
    }
    starting.add(launchConsumers());
    starting.forEach(ServiceProcess::awaitReady);
    relays.addAll(starting.subList(0, RELAYS));
    secondConsumers = starting.get(RELAYS);
  }

  /**
   * @param settings the services' settings; the contact limits are lifted on top of them, since the
   *     steady traffic's one resident writes to one business several times a second
   */
  public static ScaledOutSystem start(LocalStack clusterStack, Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("digitaltowns.abuse-limits.business-contact.per-ip-capacity", 1_000_000);
    all.put("digitaltowns.abuse-limits.business-contact.per-account-capacity", 1_000_000);
    HubSpotStandIn hubSpot = new HubSpotStandIn(LocalSystem.freePort());
    hubSpot.start();
    all.put("digitaltowns.consumers.crm-sync.enabled", true);
    all.put("digitaltowns.hubspot.base-url", hubSpot.url());
    all.put("digitaltowns.hubspot.access-token", hubSpot.accessToken());
    try {
      return new ScaledOutSystem(LocalSystem.start(clusterStack, all), hubSpot);
    } catch (RuntimeException e) {
      hubSpot.stop();
      throw e;
    }
  }

  public LocalSystem system() {
    return system;
  }

  /** Where the crm-sync group syncs to: what it holds is what reached "HubSpot". */
  public HubSpotStandIn hubSpot() {
    return hubSpot;
  }

  public KafkaCluster cluster() {
    return system.stack().kafkaCluster();
  }

  /**
   * SIGKILLs the relay that is streaming, without warning the other: its leadership lock goes when
   * PostgreSQL sees its connection drop, and the standby takes the lock.
   *
   * @return true when a relay was streaming
   */
  public synchronized boolean killActiveRelay() {
    for (ServiceProcess relay : relays) {
      if (relay.isActiveRelay()) {
        relay.kill();
        relays.remove(relay);
        return true;
      }
    }
    return false;
  }

  /** One of the relays streams. */
  public synchronized boolean aRelayIsActive() {
    return relays.stream().anyMatch(ServiceProcess::isActiveRelay);
  }

  /** Two relays again: a new one for each killed, as a standby. */
  public synchronized void replaceKilledRelays() {
    while (relays.size() < RELAYS) {
      relays.add(launchRelay().awaitReady());
    }
  }

  /**
   * SIGKILLs the second instance of every consumer group, whatever it is in the middle of: its
   * partitions go to the first instance once the group coordinator sees its session time out.
   */
  public synchronized void killSecondConsumers() {
    if (secondConsumers != null) {
      secondConsumers.kill();
      secondConsumers = null;
    }
  }

  /**
   * Starts a new second instance (fresh local state: its analytics stores are restored from their
   * changelogs) and waits until it is ready.
   */
  public synchronized void startSecondConsumers() {
    if (secondConsumers == null) {
      secondConsumers = launchConsumers().awaitReady();
    }
  }

  private ServiceProcess launchRelay() {
    return ServiceProcess.launch(
        "relay-" + (++relaysStarted),
        RelayApplication.class,
        RelayApplication.CONFIG_NAME,
        system.relaySettings(),
        logs,
        RELAY_HEAP);
  }

  private ServiceProcess launchConsumers() {
    String instance = "instance-" + (++consumerInstances);
    return ServiceProcess.launch(
        "consumers-" + instance,
        ConsumersApplication.class,
        ConsumersApplication.CONFIG_NAME,
        system.consumersSettings(instance),
        logs,
        CONSUMERS_HEAP);
  }

  @Override
  public synchronized void close() {
    List<ServiceProcess> running = new ArrayList<>(relays);
    if (secondConsumers != null) {
      running.add(secondConsumers);
    }
    running.forEach(ServiceProcess::beginStop);
    running.forEach(ServiceProcess::awaitStopped);
    relays.clear();
    secondConsumers = null;
    system.close();
    hubSpot.stop();
  }
}
