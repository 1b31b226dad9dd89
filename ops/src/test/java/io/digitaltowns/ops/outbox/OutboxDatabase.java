package io.digitaltowns.ops.outbox;

import io.digitaltowns.ops.Ops;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * A database of its own in the shared PostgreSQL, with the api's outbox migration applied (the file
 * itself, so the test follows the real table) and a pgoutput slot like the relay's.
 */
final class OutboxDatabase {

  /**
   * The api's migration as the ops jar carries it (restore-snapshot runs the same files), not read
   * by path.
   */
  static final String OUTBOX_MIGRATION = "/db/migration/api/V2__outbox.sql";

  final String name =
      "ops_outbox_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final String slot = name + "_slot";
  final String jdbcUrl;

  private OutboxDatabase() {
    jdbcUrl = Ops.stack().jdbcUrl().replaceFirst("/[^/]+$", "/" + name);
  }

  static OutboxDatabase create() throws SQLException, IOException {
    OutboxDatabase database = new OutboxDatabase();
    try (Connection admin = DriverManager.getConnection(Ops.stack().jdbcUrl(), credentials());
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database.name);
    }
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(outboxMigration());
    }
    return database;
  }

  private static String outboxMigration() throws IOException {
    try (InputStream in = OutboxDatabase.class.getResourceAsStream(OUTBOX_MIGRATION)) {
      if (in == null) {
        throw new IOException(
            OUTBOX_MIGRATION + " is not on the classpath (ops/pom.xml packs the api's migrations)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  void createSlot() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
      statement.setString(1, slot);
      statement.execute();
    }
  }

  void dropSlotIfAny() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
      statement.setString(1, slot);
      statement.execute();
    }
  }

  /**
   * What the relay's engine does when Kafka acknowledged everything: confirm up to the current WAL
   * position.
   */
  void confirmEverything() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT pg_replication_slot_advance(?, pg_current_wal_lsn())")) {
      statement.setString(1, slot);
      statement.execute();
    }
  }

  void insertEvent(Duration age) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement(
                """
             INSERT INTO outbox (id, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload)
             VALUES (?, 'accounts', ?, 'io.digitaltowns.events.accounts.UserRegistered', NULL, ?, ?)
             """)) {
      statement.setObject(1, UUID.randomUUID());
      statement.setString(2, UUID.randomUUID().toString());
      statement.setTimestamp(3, java.sql.Timestamp.from(Instant.now().minus(age)));
      statement.setBytes(4, new byte[] {0, 0, 0, 0, 1, 2});
      statement.executeUpdate();
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, credentials());
  }

  Connection connect(String applicationName) throws SQLException {
    Properties properties = credentials();
    properties.setProperty("ApplicationName", applicationName);
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  private static Properties credentials() {
    Properties properties = new Properties();
    properties.setProperty("user", Ops.stack().databaseUser());
    properties.setProperty("password", Ops.stack().databasePassword());
    // the embedded server commits asynchronously; like production, a committed insert must be in
    // the flushed WAL
    // (the only WAL logical decoding reads) by the time the test looks
    properties.setProperty("options", "-c synchronous_commit=on");
    return properties;
  }
}
