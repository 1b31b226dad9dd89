package io.digitaltowns.benchmark;

import io.digitaltowns.events.wire.TrustedEventPackages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every part of the benchmark sets before it starts the local system, so that all parts
 * measure the same one.
 */
public final class SystemUnderTest {

  private SystemUnderTest() {}

  /**
   * The end-to-end tests' settings: any free port, bcrypt strength 4 and the per-IP abuse limits
   * lifted (the load comes from one address), and only warnings logged. A new map each time, for
   * the caller to add to.
   */
  public static Map<String, Object> settings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("server.port", 0);
    settings.put("digitaltowns.passwords.bcrypt-strength", 4);
    settings.put("digitaltowns.abuse-limits.register.per-ip-capacity", 1_000_000_000);
    settings.put("digitaltowns.abuse-limits.login.per-ip-capacity", 1_000_000_000);
    settings.put("digitaltowns.abuse-limits.password-reset.per-ip-capacity", 1_000_000_000);
    settings.put("digitaltowns.abuse-limits.verification-resend.per-ip-capacity", 1_000_000_000);
    settings.put("logging.level.root", "WARN");
    return settings;
  }

  /** Avro instantiates only classes of trusted packages: the event packages. */
  public static void trustEventPackages() {
    TrustedEventPackages.trustIfUnset();
  }
}
