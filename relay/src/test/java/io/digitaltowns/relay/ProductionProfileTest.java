package io.digitaltowns.relay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** In production a service must not quietly fall back to its local defaults. */
class ProductionProfileTest {

  @Test
  void the_relay_refuses_to_start_in_prod_without_its_database_naming_the_variable() {
    assumeTrue(System.getenv("DATABASE_URL") == null, "this machine sets DATABASE_URL");

    assertThatThrownBy(() -> new SpringApplicationBuilder(RelayApplication.class)
        .run("--spring.config.name=" + RelayApplication.CONFIG_NAME, "--spring.profiles.active=prod",
            "--spring.main.banner-mode=off"))
        .hasMessage("DATABASE_URL is not set; the prod profile needs it");
  }
}
