package io.digitaltowns.api;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each feature package exposes a small API at its root and hides its internals. */
class ModularityTests {

  @Test
  void feature_packages_only_use_each_others_public_api() {
    ApplicationModules.of(ApiApplication.class).verify();
  }
}
