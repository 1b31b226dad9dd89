package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.relay.RelayApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 19: the relay honours the database URL's TLS settings. A PostgreSQL of its own, started
 * with {@code ssl=on} and a {@code pg_hba.conf} that accepts TLS only ({@code hostssl}), with
 * certificates made by the test: the database {@code relay_tls} accepts any TLS client, {@code
 * relay_client_cert} only one with a certificate of the test's authority. The relay streams the
 * outbox of each to the local stack's Kafka with the settings of its URL alone.
 */
class RelayOverTlsTest {

  private static final String USER = "postgres";

  /** Trust authentication ignores it, but Debezium's offset store refuses an empty password. */
  private static final String PASSWORD = "postgres";

  private static Path directory;
  private static TestCertificates authority;
  private static TestCertificates.Issued relayCertificate;
  private static EmbeddedPostgres postgres;
  private static final LocalStack stack = LocalStack.shared();

  /**
   * The shared system's relay, stopped while this class runs its own (see {@link
   * #pauseTheSharedRelay()}).
   */
  private static SharedSystem.PausedRelay pausedRelay;

  /**
   * Debezium registers its metrics under the connector's name ("dt") once per JVM: while the shared
   * system's relay runs, a second engine waits a minute for the name and streams nothing meanwhile.
   */
  @BeforeAll
  static void pauseTheSharedRelay() {
    pausedRelay = SharedSystem.pauseRelay();
  }

  @AfterAll
  static void resumeTheSharedRelay() {
    if (pausedRelay != null) {
      pausedRelay.close();
    }
  }

  @BeforeAll
  static void startPostgresWithTlsOnly() throws IOException, SQLException {
    directory = Files.createTempDirectory("relay-tls");
    authority = TestCertificates.authority(directory, "relay-tls");
    TestCertificates.Issued server = authority.server("server");
    relayCertificate = authority.client("relay", USER);
    Path hba =
        Files.writeString(
            directory.resolve("pg_hba.conf"),
            String.join(
                "\n",
                "# TLS only: no 'host' line, so an unencrypted connection matches nothing and is refused",
                "# the embedded server's own readiness check (database postgres)",
                "hostssl postgres          postgres 127.0.0.1/32 trust",
                "hostssl postgres          postgres ::1/128      trust",
                "hostssl relay_tls         all      127.0.0.1/32 trust",
                "hostssl relay_tls         all      ::1/128      trust",
                "hostssl relay_client_cert all      127.0.0.1/32 trust clientcert=verify-ca",
                "hostssl relay_client_cert all      ::1/128      trust clientcert=verify-ca",
                ""),
            StandardCharsets.US_ASCII);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(directory.resolve("data"))
            .setCleanDataDirectory(true)
            .setPGStartupWait(Duration.ofSeconds(30))
            .setServerConfig("wal_level", "logical")
            .setServerConfig("max_replication_slots", "4")
            .setServerConfig("max_wal_senders", "4")
            .setServerConfig("wal_writer_delay", "10ms")
            .setServerConfig("ssl", "on")
            .setServerConfig("ssl_cert_file", server.certificate().toString())
            .setServerConfig("ssl_key_file", server.key().toString())
            .setServerConfig("ssl_ca_file", authority.caFile().toString())
            .setServerConfig("hba_file", hba.toString())
            .start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE relay_tls");
      statement.execute("CREATE DATABASE relay_client_cert");
    }
    // the api's migrations make the outbox and its publication, as in production
    for (String url :
        List.of(
            url("relay_tls", "sslmode=require"),
            url("relay_client_cert", clientCertificate("verify-full")))) {
      Flyway.configure()
          .dataSource(url, USER, PASSWORD)
          .locations("classpath:db/migration/api")
          .load()
          .migrate();
    }
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void with_sslmode_require_the_relay_streams_the_outbox_over_tls() throws Exception {
    String url = url("relay_tls", "sslmode=require");

    assertThat(relayedOverTls(url, "relay_tls"))
        .as("the replication connection's pg_stat_ssl row")
        .containsOnly("ssl");
    // and the server really refuses what is not TLS
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(url("relay_tls", "sslmode=disable"), USER, PASSWORD)
                    .close())
        .hasMessageContaining("no encryption");
  }

  /**
   * The URL's client certificate, key and root certificate reach Debezium's replication connection
   * too: before issue 19 Debezium connected with its own sslmode=prefer and no certificate, and
   * this server refused it.
   */
  @Test
  void
      a_client_certificate_and_a_verified_server_named_in_the_url_reach_the_replication_connection()
          throws Exception {
    String url = url("relay_client_cert", clientCertificate("verify-full"));

    assertThat(relayedOverTls(url, "relay_client_cert")).containsOnly("ssl /CN=" + USER);
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                        url("relay_client_cert", "sslmode=require"), USER, PASSWORD)
                    .close())
        .hasMessageContaining("certificate");
  }

  /**
   * Starts a relay on {@code url}, writes one outbox row and waits for it on Kafka; answers how the
   * relay's replication connection reached the server ("ssl" and the client certificate's name, per
   * walsender).
   */
  private static List<String> relayedOverTls(String url, String database) throws Exception {
    String aggregateType = "tls" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String topic = "dt." + aggregateType + ".events";
    try (Admin admin =
        Admin.create(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    String key = UUID.randomUUID().toString();
    try (ConfigurableApplicationContext relay = startRelay(url, database);
        TopicReader reader = new TopicReader(stack.kafkaBootstrapServers(), topic)) {
      writeOutboxRow(url, topic, aggregateType, key);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(reader.poll())
                      .anySatisfy(
                          record ->
                              assertThat(new String(record.key(), StandardCharsets.UTF_8))
                                  .isEqualTo(key)));
      return replicationConnections(database);
    }
  }

  private static ConfigurableApplicationContext startRelay(String url, String database) {
    Map<String, Object> settings = new LinkedHashMap<>();
    // replication slots are per server: one per database here
    settings.put("digitaltowns.relay.slot-name", "dt_" + database);
    settings.put("spring.datasource.url", url);
    settings.put("spring.datasource.username", USER);
    settings.put("spring.datasource.password", PASSWORD);
    settings.put("digitaltowns.relay.kafka.bootstrap-servers", stack.kafkaBootstrapServers());
    settings.put("server.port", 0);
    settings.put("spring.main.banner-mode", "off");
    LocalSystem.withoutApiSecurity(settings);
    return LocalSystem.run(RelayApplication.class, RelayApplication.CONFIG_NAME, settings);
  }

  private static void writeOutboxRow(String url, String topic, String aggregateType, String key)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO outbox (id, topic, aggregate_type, "
                    + "aggregate_id, event_type, occurred_at, payload) VALUES (?, ?, ?, ?, 'TlsProbe', ?, ?)")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, topic);
      insert.setString(3, aggregateType);
      insert.setString(4, key);
      insert.setObject(5, OffsetDateTime.now());
      insert.setBytes(6, new byte[] {0, 0, 0, 0, 1});
      insert.executeUpdate();
    }
  }

  /**
   * Each walsender streaming {@code database}: "ssl" or "plain", and the client certificate's name
   * if any.
   */
  private static List<String> replicationConnections(String database) throws SQLException {
    List<String> connections = new ArrayList<>();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        PreparedStatement query =
            admin.prepareStatement(
                "SELECT s.ssl, s.client_dn FROM pg_stat_activity a "
                    + "JOIN pg_stat_ssl s ON s.pid = a.pid WHERE a.backend_type = 'walsender' AND a.datname = ?")) {
      query.setString(1, database);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          connections.add(
              (rows.getBoolean(1) ? "ssl" : "plain")
                  + (rows.getString(2) == null ? "" : " " + rows.getString(2)));
        }
      }
    }
    assertThat(connections).as("the relay's replication connection to " + database).isNotEmpty();
    return connections;
  }

  private static String clientCertificate(String sslmode) {
    return "sslmode="
        + sslmode
        + "&sslrootcert="
        + authority.caFile()
        + "&sslcert="
        + relayCertificate.certificate()
        + "&sslkey="
        + relayCertificate.key();
  }

  private static String url(String database, String query) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database + "?" + query;
  }
}
