package io.digitaltowns.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.relay.RelayProperties;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

class DebeziumOutboxConfigTest {

  @Test
  void debezium_polls_every_ten_milliseconds_unless_told_otherwise() {
    assertThat(settings(Map.of()).getProperty("poll.interval.ms")).isEqualTo("10");
  }

  @Test
  void the_poll_interval_setting_reaches_debezium() {
    assertThat(settings(Map.of("digitaltowns.relay.poll-interval", "50ms")).getProperty("poll.interval.ms"))
        .isEqualTo("50");
  }

  private static Properties settings(Map<String, String> configuration) {
    RelayProperties relay = new Binder(new MapConfigurationPropertySource(configuration))
        .bindOrCreate("digitaltowns.relay", RelayProperties.class);
    DataSourceProperties database = new DataSourceProperties();
    database.setUrl("jdbc:postgresql://db.internal:6543/towns");
    database.setUsername("relay");
    return DebeziumOutboxConfig.build(relay, database);
  }
}
