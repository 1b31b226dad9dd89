package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.relay.engine.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Only one relay streams at a time; a standby takes over when the active one goes away. */
class RelayStandbyTest {

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void a_second_relay_stands_by_and_takes_over_when_the_active_one_stops() {
    await().atMost(Duration.ofSeconds(60)).until(() -> system.relay().getBean(OutboxRelay.class).isActive());
    ConfigurableApplicationContext standby = system.launchRelay();
    try {
      OutboxRelay standbyRelay = standby.getBean(OutboxRelay.class);
      assertThat(standbyRelay.isActive()).isFalse();

      system.stopRelay();
      await().atMost(Duration.ofSeconds(60)).until(standbyRelay::isActive);

      String userId = api.register(ApiClient.uniqueEmail("standby"), "Standby");
      try (TopicReader reader = new TopicReader(system.stack().kafkaBootstrapServers(), "dt.accounts.events")) {
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream()
            .anyMatch(r -> userId.equals(new String(r.key(), StandardCharsets.UTF_8))));
      }
    } finally {
      standby.close();
      if (system.relay() == null) {
        system.startRelay();
      }
    }
  }
}
