package io.digitaltowns.stack;

import io.digitaltowns.infra.LocalStack;
import java.util.Map;

/** The whole system, started once per test JVM and shared by every end-to-end test. */
final class SharedSystem {

  private static LocalSystem system;

  private SharedSystem() {
  }

  static synchronized LocalSystem get() {
    if (system == null) {
      system = LocalSystem.start(LocalStack.shared(), Map.of(
          "server.port", 0,
          // bcrypt's production cost would make a thousand registrations take minutes
          "digitaltowns.passwords.bcrypt-strength", 4));
      Runtime.getRuntime().addShutdownHook(new Thread(system::close));
    }
    return system;
  }
}
