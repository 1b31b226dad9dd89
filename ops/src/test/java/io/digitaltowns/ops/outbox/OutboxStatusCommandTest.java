package io.digitaltowns.ops.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

class OutboxStatusCommandTest {

  private OutboxDatabase database;

  @BeforeEach
  void freshDatabase() throws Exception {
    database = OutboxDatabase.create();
  }

  /** Slots hold WAL and PostgreSQL has only so many. */
  @AfterEach
  void dropSlot() throws Exception {
    database.dropSlotIfAny();
  }

  @Test
  void status_reports_the_rows_waiting_for_the_relay_and_the_age_of_the_oldest() throws Exception {
    database.createSlot();
    database.insertEvent(Duration.ofMinutes(10));
    database.insertEvent(Duration.ofMinutes(5));
    database.insertEvent(Duration.ofMinutes(1));

    Ops.Run status = status();

    assertThat(status.exitCode()).as(status.toString()).isEqualTo(OpsExit.OK);
    assertThat(status.out())
        .contains("rows in table:          3")
        .contains("waiting to be relayed:  3")
        .containsPattern("oldest waiting event: +\\S+ \\(age 10m \\d+s\\)")
        .contains("Replication slot " + database.slot)
        .contains("active:                 no")
        .containsPattern("lag: +\\d+ bytes");
  }

  @Test
  void rows_the_relay_confirmed_are_no_longer_waiting() throws Exception {
    database.createSlot();
    database.insertEvent(Duration.ofMinutes(30));
    database.insertEvent(Duration.ofMinutes(20));
    database.confirmEverything();
    database.insertEvent(Duration.ofMinutes(2));

    Ops.Run status = status();

    assertThat(status.out())
        .as(status.toString())
        .contains("rows in table:          3")
        .containsPattern("oldest row: +\\S+ \\(age 30m \\d+s\\)")
        .contains("waiting to be relayed:  1")
        .containsPattern("oldest waiting event: +\\S+ \\(age 2m \\d+s\\)");
  }

  @Test
  void status_counts_waiting_rows_while_the_relay_streams_from_its_slot() throws Exception {
    database.createSlot();
    database.insertEvent(Duration.ofMinutes(3));
    database.insertEvent(Duration.ofMinutes(4));

    try (Connection replication = replicationConnection();
        PGReplicationStream stream =
            replication
                .unwrap(PGConnection.class)
                .getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(database.slot)
                .withSlotOption("proto_version", 1)
                .withSlotOption("publication_names", "dt_outbox")
                .start()) {
      await().atMost(Duration.ofSeconds(10)).until(this::slotIsActive);

      Ops.Run status = status();

      assertThat(status.out())
          .as(status.toString())
          .contains("waiting to be relayed:  2")
          .containsPattern("oldest waiting event: +\\S+ \\(age 4m \\d+s\\)")
          .containsPattern("active: +yes, pid \\d+");
    }
  }

  @Test
  void status_shows_which_relay_instance_holds_the_lock() throws Exception {
    database.createSlot();
    try (Connection relay = database.connect("digitaltowns-relay 4242@relay-host-a");
        Statement statement = relay.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(7262003)");
      int pid = pid(relay);

      Ops.Run held = status();

      assertThat(held.out())
          .as(held.toString())
          .containsPattern(
              "held by: +pid "
                  + pid
                  + ", application_name \"digitaltowns-relay 4242@relay-host-a\"");
    }

    Ops.Run released = status();
    assertThat(released.out()).as(released.toString()).contains("held by:                nobody");
  }

  @Test
  void without_a_slot_every_row_waits_for_the_relays_first_start() throws Exception {
    database.insertEvent(Duration.ofMinutes(7));

    Ops.Run status = status();

    assertThat(status.exitCode()).as(status.toString()).isEqualTo(OpsExit.OK);
    assertThat(status.out())
        .contains("waiting to be relayed:  1 (no slot yet")
        .contains("does not exist: the relay has not run yet");
  }

  @Test
  void in_polling_mode_every_row_in_the_table_is_waiting_and_no_slot_is_needed() throws Exception {
    database.insertEvent(Duration.ofMinutes(6));
    database.insertEvent(Duration.ofMinutes(2));

    Ops.Run status = status("--mode", "polling");

    assertThat(status.exitCode()).as(status.toString()).isEqualTo(OpsExit.OK);
    assertThat(status.out())
        .contains("relay mode polling")
        .contains(
            "rows in table:          2 (the relay deletes each row once Kafka acknowledged it)")
        .contains("waiting to be relayed:  2\n")
        .containsPattern("oldest waiting event: +\\S+ \\(age 6m \\d+s\\)")
        .contains("  not used in polling mode\n");
  }

  @Test
  void in_polling_mode_a_slot_left_from_debezium_mode_is_named_as_keeping_wal() throws Exception {
    database.createSlot();
    database.insertEvent(Duration.ofMinutes(1));

    Ops.Run status = status("--mode", "polling");

    assertThat(status.out())
        .as(status.toString())
        .containsPattern(
            "not used in polling mode, but it exists and keeps .+ of WAL on the server: drop it")
        .contains("pg_drop_replication_slot('" + database.slot + "')");
  }

  private Ops.Run status(String... options) {
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
                "outbox",
                "status",
                "--database-url",
                database.jdbcUrl,
                "--database-user",
                Ops.stack().databaseUser(),
                "--database-password",
                Ops.stack().databasePassword(),
                "--slot",
                database.slot));
    arguments.addAll(java.util.List.of(options));
    return Ops.run(arguments.toArray(String[]::new));
  }

  private boolean slotIsActive() throws Exception {
    try (Connection connection = database.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
      statement.setString(1, database.slot);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private Connection replicationConnection() throws Exception {
    Properties properties = new Properties();
    PGProperty.USER.set(properties, Ops.stack().databaseUser());
    PGProperty.PASSWORD.set(properties, Ops.stack().databasePassword());
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
    PGProperty.REPLICATION.set(properties, "database");
    PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
    return DriverManager.getConnection(database.jdbcUrl, properties);
  }

  private static int pid(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
      result.next();
      return result.getInt(1);
    }
  }
}
