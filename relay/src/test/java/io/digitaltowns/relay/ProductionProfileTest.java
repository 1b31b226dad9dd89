package io.digitaltowns.relay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** In production a service must not quietly fall back to its local defaults. */
class ProductionProfileTest {

  @Test
  void the_relay_refuses_to_start_in_prod_without_its_database_and_kafka_naming_both_variables() {
    assumeTrue(
        System.getenv("DATABASE_URL") == null && System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null,
        "this machine sets DATABASE_URL or KAFKA_BOOTSTRAP_SERVERS");

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(RelayApplication.class)
                    .run(
                        "--spring.config.name=" + RelayApplication.CONFIG_NAME,
                        "--spring.profiles.active=prod",
                        "--spring.main.banner-mode=off"))
        .hasMessage(
            "DATABASE_URL, KAFKA_BOOTSTRAP_SERVERS are not set; the prod profile needs them");
  }
}
