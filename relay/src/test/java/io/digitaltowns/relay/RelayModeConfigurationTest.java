package io.digitaltowns.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.relay.engine.DebeziumOutboxStream;
import io.digitaltowns.relay.polling.PollingOutboxStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

class RelayModeConfigurationTest {

  @Test
  void the_relay_streams_the_wal_with_debezium_unless_told_otherwise() {
    RelayProperties properties = bind(Map.of());

    assertThat(properties.mode()).isEqualTo(RelayMode.DEBEZIUM);
    assertThat(
            new RelayModeConfiguration().outboxStream(properties, new DataSourceProperties(), null))
        .isInstanceOf(DebeziumOutboxStream.class);
  }

  @Test
  void relay_mode_polling_reads_the_table_in_batches_of_the_configured_size() {
    RelayProperties properties =
        bind(
            Map.of(
                "digitaltowns.relay.mode", "polling",
                "digitaltowns.relay.polling.batch-size", "200",
                "digitaltowns.relay.polling.idle-interval", "20ms"));

    assertThat(
            new RelayModeConfiguration().outboxStream(properties, new DataSourceProperties(), null))
        .isInstanceOf(PollingOutboxStream.class);
    assertThat(properties.polling().batchSize()).isEqualTo(200);
    assertThat(properties.polling().idleInterval()).isEqualTo(Duration.ofMillis(20));
  }

  private static RelayProperties bind(Map<String, String> configuration) {
    return new Binder(new MapConfigurationPropertySource(configuration))
        .bindOrCreate("digitaltowns.relay", RelayProperties.class);
  }
}
