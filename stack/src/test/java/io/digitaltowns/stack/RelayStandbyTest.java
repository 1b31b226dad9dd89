package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.relay.RelayMode;
import io.digitaltowns.relay.engine.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Only one relay streams at a time, in either mode; a standby takes over when the active one goes
 * away.
 */
class RelayStandbyTest {

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @ParameterizedTest(name = "{0}")
  @EnumSource(RelayMode.class)
  void a_second_relay_stands_by_and_takes_over_when_the_active_one_stops(RelayMode mode) {
    system.useRelayMode(mode);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> system.relay().getBean(OutboxRelay.class).isActive());
    ConfigurableApplicationContext standby = system.launchRelay();
    try {
      OutboxRelay standbyRelay = standby.getBean(OutboxRelay.class);
      assertThat(standbyRelay.isActive()).isFalse();

      system.stopRelay();
      await().atMost(Duration.ofSeconds(60)).until(standbyRelay::isActive);

      String userId = api.register(ApiClient.uniqueEmail("standby"), "Standby");
      try (TopicReader reader =
          new TopicReader(system.stack().kafkaBootstrapServers(), "dt.accounts.events")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    reader.poll().stream()
                        .anyMatch(r -> userId.equals(new String(r.key(), StandardCharsets.UTF_8))));
      }
    } finally {
      standby.close();
      SharedSystem.running();
    }
  }

  /** The other tests of this JVM expect the default relay. */
  @AfterAll
  static void back_to_the_default_relay_mode() {
    SharedSystem.get().useRelayMode(RelayMode.DEBEZIUM);
  }
}
