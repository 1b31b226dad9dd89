package io.digitaltowns.platform.relaystatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.postgres.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Against a real PostgreSQL with logical decoding, as the relay runs against. */
class RelayStatusQueriesTest {

  @TempDir static Path data;

  private static PostgresServer postgres;
  private static JdbcClient jdbc;
  private static RelayStatusQueries queries;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = new PostgresServer(data.resolve("pg"), port);
    postgres.start();
    jdbc = JdbcClient.create(postgres.dataSource());
    queries = new RelayStatusQueries(jdbc);
  }

  @AfterAll
  static void stop() {
    postgres.stop();
  }

  @Test
  void a_slot_that_does_not_exist_is_empty() {
    assertThat(queries.slot("no_such_slot")).isEmpty();
  }

  @Test
  void a_slot_lags_by_the_wal_written_since_its_last_confirmation() {
    jdbc.sql("CREATE TABLE lag_probe (id int)").update();
    jdbc.sql("SELECT pg_create_logical_replication_slot('status_lag', 'pgoutput')")
        .query()
        .singleRow();
    jdbc.sql("INSERT INTO lag_probe SELECT generate_series(1, 1000)").update();

    ReplicationSlot behind = queries.slot("status_lag").orElseThrow();
    assertThat(behind.plugin()).isEqualTo("pgoutput");
    assertThat(behind.database()).isEqualTo(PostgresServer.DATABASE);
    assertThat(behind.active()).isFalse();
    assertThat(behind.activePid()).isNull();
    assertThat(behind.lagBytes()).isPositive();
    assertThat(behind.retainedBytes()).isGreaterThanOrEqualTo(behind.lagBytes());
    assertThat(behind.walStatus()).isEqualTo("reserved");

    jdbc.sql("SELECT pg_replication_slot_advance('status_lag', pg_current_wal_lsn())")
        .query()
        .singleRow();
    ReplicationSlot confirmed = queries.slot("status_lag").orElseThrow();
    assertThat(confirmed.lagBytes()).isZero();
    assertThat(confirmed.confirmedFlushLsn()).isEqualTo(confirmed.currentLsn());
  }

  @Test
  void the_lock_holder_is_found_by_the_key_split_in_two_and_a_waiting_session_comes_after_it()
      throws Exception {
    // a key above 32 bits: classid and objid differ, so a wrong split finds nobody
    RelayLockKey key = new RelayLockKey(0x0000_0002_0000_0007L);
    assertThat(queries.lockHolder(key)).isEmpty();
    try (Connection holder = connect("relay-a");
        Connection standby = connect("relay-b")) {
      lock(holder, key);
      CompletableFuture<Void> waiting =
          CompletableFuture.runAsync(
              () -> {
                try {
                  lock(standby, key);
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      await().atMost(Duration.ofSeconds(10)).until(() -> queries.lockSessions(key).size() == 2);

      RelayLockSession active = queries.lockHolder(key).orElseThrow();
      assertThat(active.applicationName()).isEqualTo("relay-a");
      assertThat(active.describe()).startsWith("relay-a");
      assertThat(active.backendStart()).isNotNull();
      assertThat(queries.lockSessions(key))
          .extracting(RelayLockSession::applicationName, RelayLockSession::granted)
          .containsExactly(tuple("relay-a", true), tuple("relay-b", false));
      assertThat(queries.lockHolder(new RelayLockKey(7L))).isEmpty();

      holder.close();
      waiting.get();
      assertThat(queries.lockHolder(key).orElseThrow().applicationName()).isEqualTo("relay-b");
    }
  }

  @Test
  void a_session_without_an_application_name_is_described_by_its_pid() {
    assertThat(new RelayLockSession(42, "", null, null, true).describe()).isEqualTo("pid 42");
    assertThat(new RelayLockSession(42, "relay", "10.0.0.5", null, true).describe())
        .isEqualTo("relay @ 10.0.0.5");
  }

  @Test
  void the_outbox_counts_its_rows_and_their_oldest_event_and_a_missing_table_is_empty() {
    assertThat(queries.outbox("status_outbox")).isEmpty();
    jdbc.sql("CREATE TABLE status_outbox (id int, occurred_at timestamptz NOT NULL)").update();
    assertThat(queries.outbox("status_outbox")).contains(new OutboxRows(0, null));

    Instant oldest = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
    jdbc.sql("INSERT INTO status_outbox VALUES (1, :oldest), (2, now())")
        .param("oldest", Timestamp.from(oldest))
        .update();
    assertThat(queries.outbox("public.status_outbox")).contains(new OutboxRows(2, oldest));
  }

  @Test
  void a_table_name_that_is_not_an_identifier_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> queries.outbox("outbox; DROP TABLE outbox"));
  }

  private static Connection connect(String applicationName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", postgres.user());
    properties.setProperty("password", postgres.password());
    properties.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(postgres.jdbcUrl(), properties);
  }

  private static void lock(Connection connection, RelayLockKey key) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + key.id() + ")");
    }
  }
}
