package io.digitaltowns.stack;

import io.digitaltowns.infra.LocalStack;
import java.util.Map;

/** The whole system, started once per test JVM and shared by every end-to-end test. */
final class SharedSystem {

  static final String ADMIN_EMAIL = "stack-admin@example.org";

  /** What the tests' services run with, on top of the servers' addresses (a restore drill starts a second system so). */
  static final Map<String, Object> SETTINGS = Map.of(
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

  private SharedSystem() {
  }

  /** The shared system if a test of this JVM has started it (without starting it). */
  static synchronized java.util.Optional<LocalSystem> ifStarted() {
    return java.util.Optional.ofNullable(system);
  }

  /**
   * A second whole system, on its own servers whose Kafka is a three-broker cluster of child processes
   * ({@link LocalStack#sharedCluster()}: topics with replication factor 3, min.insync.replicas 2), for the tests
   * that kill, restart or pause brokers; started once per test JVM.
   */
  static synchronized LocalSystem onCluster() {
    if (onCluster == null) {
      onCluster = LocalSystem.start(LocalStack.sharedCluster(), SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(onCluster::close));
    }
    return onCluster;
  }

  static synchronized LocalSystem get() {
    if (system == null) {
      system = LocalSystem.start(LocalStack.shared(), SETTINGS);
      Runtime.getRuntime().addShutdownHook(new Thread(system::close));
    }
    return system;
  }
}
