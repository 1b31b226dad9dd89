package io.digitaltowns.stack.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.digitaltowns.infra.postgres.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Every deployment runs SPRING_PROFILES_ACTIVE=prod, so the prod document of each service's
 * configuration must bind the way Spring Boot binds it at start: the connection pool settings are
 * bound onto Hikari's own setters ({@code long} milliseconds, where a {@code 5s} cannot be
 * converted and the service does not start). Issue 9's pool rule: at most 20 connections, connect
 * timeout 5 s, idle timeout 30 s; and the idle timeout must take effect (issue 19): with {@code
 * minimum-idle} unset Hikari keeps a fixed-size pool and never closes an idle connection.
 */
class ProductionProfileConfigurationTest {

  /**
   * Hikari refuses an idle timeout under 10 s (it falls back to 10 minutes): the shortest the test
   * can use.
   */
  private static final Duration SHORT_IDLE_TIMEOUT = Duration.ofSeconds(10);

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    // the housekeeper closes idle connections; every 30 s by default, every 500 ms here (read by
    // each new pool)
    System.setProperty("com.zaxxer.hikari.housekeeping.periodMs", "500");
    Path dataDir = Files.createTempDirectory("pool-idle-pg");
    try (ServerSocket socket = new ServerSocket(0)) {
      postgres = new PostgresServer(dataDir, socket.getLocalPort());
    }
    postgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    System.clearProperty("com.zaxxer.hikari.housekeeping.periodMs");
    if (postgres != null) {
      postgres.stop();
    }
  }

  /**
   * The prod pool of each service, opened to its maximum and then left idle, closes connections
   * down to its minimum once the idle timeout passes (shortened to 10 s for the test; everything
   * else as the prod profile binds it).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "api/src/main/resources/api.yml",
        "relay/src/main/resources/relay.yml",
        "consumers/src/main/resources/consumers.yml"
      })
  void the_prod_pool_closes_idle_connections_down_to_its_minimum(String configFile)
      throws Exception {
    HikariConfig pool = prodPool(configFile);
    assertThat(pool.getMinimumIdle())
        .as(configFile + ": minimum-idle below maximum-pool-size, or idle-timeout does nothing")
        .isBetween(0, pool.getMaximumPoolSize() - 1);
    pool.setJdbcUrl(postgres.jdbcUrl());
    pool.setUsername(postgres.user());
    pool.setPassword(postgres.password());
    pool.setIdleTimeout(SHORT_IDLE_TIMEOUT.toMillis());
    pool.setPoolName("idle-test-" + configFile.substring(0, configFile.indexOf('/')));
    try (HikariDataSource dataSource = new HikariDataSource(pool)) {
      HikariPoolMXBean stats = dataSource.getHikariPoolMXBean();
      List<Connection> busy = new ArrayList<>();
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        busy.add(dataSource.getConnection());
      }
      assertThat(stats.getTotalConnections())
          .as("opened to its maximum")
          .isEqualTo(pool.getMaximumPoolSize());
      for (Connection connection : busy) {
        connection.close();
      }
      assertThat(stats.getIdleConnections()).isEqualTo(pool.getMaximumPoolSize());
      await()
          .atMost(SHORT_IDLE_TIMEOUT.plusSeconds(20))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () ->
                  assertThat(stats.getTotalConnections())
                      .as(configFile + ": connections left after the idle timeout")
                      .isEqualTo(pool.getMinimumIdle()));
      // the database sees it too: the closed connections are gone from pg_stat_activity
      assertThat(backendsOf(dataSource)).isLessThanOrEqualTo(pool.getMinimumIdle());
    }
  }

  private static int backendsOf(HikariDataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where datname = current_database()"
                    + " and backend_type = 'client backend'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static HikariConfig prodPool(String configFile) throws IOException {
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(prodDocument(configFile)),
            null,
            ApplicationConversionService.getSharedInstance());
    HikariConfig pool = new HikariConfig();
    binder.bind("spring.datasource.hikari", Bindable.ofInstance(pool));
    return pool;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api/src/main/resources/api.yml",
        "relay/src/main/resources/relay.yml",
        "consumers/src/main/resources/consumers.yml"
      })
  void the_prod_pool_settings_bind_and_follow_the_rule(String configFile) throws IOException {
    PropertySource<?> prod = prodDocument(configFile);
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(prod),
            null,
            ApplicationConversionService.getSharedInstance());
    HikariConfig pool = new HikariConfig();
    assertThatCode(() -> binder.bind("spring.datasource.hikari", Bindable.ofInstance(pool)))
        .as(
            configFile
                + ": spring.datasource.hikari must bind to HikariDataSource (timeouts in milliseconds)")
        .doesNotThrowAnyException();
    assertThat(pool.getMaximumPoolSize()).as(configFile + " pool size").isBetween(1, 20);
    assertThat(pool.getConnectionTimeout())
        .as(configFile + " connect timeout (ms)")
        .isEqualTo(5_000);
    assertThat(pool.getIdleTimeout()).as(configFile + " idle timeout (ms)").isEqualTo(30_000);
  }

  /**
   * The YAML document activated by {@code on-profile: prod}, as Spring Boot's own loader reads it.
   */
  private static PropertySource<?> prodDocument(String configFile) throws IOException {
    List<PropertySource<?>> documents =
        new YamlPropertySourceLoader()
            .load(configFile, new FileSystemResource(RepositoryFiles.path(configFile)));
    return documents.stream()
        .filter(
            document ->
                "prod"
                    .equals(
                        String.valueOf(document.getProperty("spring.config.activate.on-profile"))))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(configFile + " has no document for the prod profile"));
  }
}
