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
    assertThat(
            settings(Map.of("digitaltowns.relay.poll-interval", "50ms"))
                .getProperty("poll.interval.ms"))
        .isEqualTo("50");
  }

  /**
   * Issue 19: the URL's TLS settings reached the relay's pool but not Debezium's replication
   * connection.
   */
  @Test
  void the_database_urls_tls_settings_reach_debeziums_connections() {
    Properties settings =
        settings(
            Map.of(),
            "jdbc:postgresql://db.internal:6543/towns?sslmode=verify-full"
                + "&sslrootcert=%2Fetc%2Fssl%2Fdb-ca.crt&sslcert=/run/relay.crt&sslkey=/run/relay.pk8&sslpassword=pw&connectTimeout=5");

    assertThat(settings)
        .containsEntry("database.sslmode", "verify-full")
        .containsEntry("database.sslrootcert", "/etc/ssl/db-ca.crt")
        .containsEntry("database.sslcert", "/run/relay.crt")
        .containsEntry("database.sslkey", "/run/relay.pk8")
        .containsEntry("database.sslpassword", "pw")
        .doesNotContainKey("database.connectTimeout");
    // the offset store's plain JDBC connection keeps the whole URL
    assertThat(settings.getProperty("offset.storage.jdbc.connection.url"))
        .endsWith("&connectTimeout=5");
  }

  @Test
  void render_s_sslmode_require_and_a_plain_sslmode_disable_are_passed_as_they_are() {
    assertThat(
            settings(
                Map.of(),
                "jdbc:postgresql://dpg-x.oregon-postgres.render.com/towns?sslmode=require"))
        .containsEntry("database.sslmode", "require");
    assertThat(settings(Map.of(), "jdbc:postgresql://localhost/towns?sslmode=disable"))
        .containsEntry("database.sslmode", "disable");
  }

  @Test
  void the_drivers_ssl_true_means_verify_full_and_a_url_without_tls_settings_adds_none() {
    assertThat(settings(Map.of(), "jdbc:postgresql://db/towns?ssl=true"))
        .containsEntry("database.sslmode", "verify-full");
    assertThat(settings(Map.of()).stringPropertyNames())
        .noneMatch(name -> name.startsWith("database.ssl"));
  }

  private static Properties settings(Map<String, String> configuration) {
    return settings(configuration, "jdbc:postgresql://db.internal:6543/towns");
  }

  private static Properties settings(Map<String, String> configuration, String url) {
    RelayProperties relay =
        new Binder(new MapConfigurationPropertySource(configuration))
            .bindOrCreate("digitaltowns.relay", RelayProperties.class);
    DataSourceProperties database = new DataSourceProperties();
    database.setUrl(url);
    database.setUsername("relay");
    return DebeziumOutboxConfig.build(relay, database);
  }
}
