package io.digitaltowns.stack;

import io.digitaltowns.infra.LocalStack;
import java.util.Map;
import java.util.Optional;

/** The whole system, started once per test JVM and shared by every end-to-end test. */
final class SharedSystem {

  static final String ADMIN_EMAIL = "stack-admin@example.org";

  /**
   * What the tests' services run with, on top of the servers' addresses (a restore drill starts a
   * second system so).
   */
  static final Map<String, Object> SETTINGS =
      Map.of(
          "server.port", 0,
          // bcrypt's production cost would make a thousand registrations take minutes
          "digitaltowns.passwords.bcrypt-strength", 4,
          // every test client is 127.0.0.1, and one test registers a thousand users
          "digitaltowns.abuse-limits.register.per-ip-capacity", 1_000_000,
          "digitaltowns.abuse-limits.login.per-ip-capacity", 1_000_000,
          "digitaltowns.abuse-limits.password-reset.per-ip-capacity", 1_000_000,
          "digitaltowns.abuse-limits.verification-resend.per-ip-capacity", 1_000_000,
          // the api makes this verified address an admin; the email consumer mails admins at it
          "digitaltowns.admins.emails", ADMIN_EMAIL,
          "digitaltowns.email.admin-addresses", ADMIN_EMAIL);

  private static LocalSystem system;
  private static LocalSystem onCluster;

  private SharedSystem() {}

  /** The shared system if a test of this JVM has started it (without starting it). */
  static synchronized Optional<LocalSystem> ifStarted() {
    return Optional.ofNullable(system);
  }

  /**
   * The shared system with its relay and consumers running: a test that stopped either (a replay, a
   * restore drill, a relay restart) calls it afterwards so that the next test finds the whole
   * system again.
   */
  static synchronized LocalSystem running() {
    LocalSystem running = get();
    if (running.relay() == null) {
      running.startRelay();
    }
    if (running.consumers() == null) {
      running.startConsumers();
    }
    return running;
  }

  /**
   * Stops the shared system's relay, if a test of this JVM started the system and the relay runs,
   * until the answer is closed: Debezium registers its metrics under the connector's name once per
   * JVM, so a test's own relay streams nothing while the shared one runs. Nothing is started for
   * it.
   */
  static synchronized PausedRelay pauseRelay() {
    Optional<LocalSystem> paused = ifStarted().filter(running -> running.relay() != null);
    paused.ifPresent(LocalSystem::stopRelay);
    return new PausedRelay(paused);
  }

  /** The shared relay, stopped by {@link #pauseRelay()}; closing it starts that relay again. */
  record PausedRelay(Optional<LocalSystem> of) implements AutoCloseable {

    @Override
    public void close() {
      of.filter(paused -> paused.relay() == null).ifPresent(LocalSystem::startRelay);
    }
  }

  /**
   * A second whole system, on its own servers whose Kafka is a three-broker cluster of child
   * processes ({@link LocalStack#sharedCluster()}: topics with replication factor 3,
   * min.insync.replicas 2), for the tests that kill, restart or pause brokers; started once per
   * test JVM.
   */
  static synchronized LocalSystem onCluster() {
    if (onCluster == null) {
      onCluster = LocalSystem.start(LocalStack.sharedCluster(), SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(SharedSystem::closeOnCluster));
    }
    return onCluster;
  }

  /**
   * Stops the system on the cluster: its relay registers Debezium's metrics under the same name as
   * the shared system's, so the two relays must not run at once in one JVM.
   */
  static synchronized void closeOnCluster() {
    if (onCluster != null) {
      onCluster.close();
      onCluster = null;
    }
  }

  static synchronized LocalSystem get() {
    if (system == null) {
      system = LocalSystem.start(LocalStack.shared(), SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(system::close));
    }
    return system;
  }
}
