package io.digitaltowns.ops.outbox;

import io.digitaltowns.ops.console.Progress;
import io.digitaltowns.platform.relaystatus.RelayStatusQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Read-only questions to PostgreSQL about the outbox, the relay's replication slot and its lock:
 * the relay's status through the shared {@link RelayStatusQueries}, and what only this tool asks
 * (the exact backlog, by peeking the WAL).
 */
final class OutboxInspector {

  /** Events inserted into the outbox that the relay has not confirmed yet. */
  record Backlog(long rows, Instant oldest, boolean atLeast) {}

  private final Connection connection;
  private final RelayStatusQueries status;

  OutboxInspector(Connection connection) throws SQLException {
    this.connection = connection;
    // the caller closes the connection; the queries only borrow it
    this.status =
        new RelayStatusQueries(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
    try (Statement statement = connection.createStatement()) {
      // the text form of timestamps that logical decoding hands back follows these two settings
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("SET DateStyle = 'ISO, MDY'");
    }
  }

  String currentDatabase() throws SQLException {
    return single("SELECT current_database()", result -> result.getString(1));
  }

  Instant now() throws SQLException {
    return single("SELECT now()", result -> result.getTimestamp(1).toInstant());
  }

  /**
   * The relay's status as the relay itself and the api's operations page read it (same queries,
   * same connection).
   */
  RelayStatusQueries status() {
    return status;
  }

  /**
   * Counts the outbox inserts the slot still holds for the relay, exactly: a temporary copy of the
   * slot (same confirmed position; the relay's own slot is never touched, and may be in use) is
   * peeked with pgoutput and dropped again. Needs the REPLICATION attribute, like the relay itself,
   * and one free replication slot.
   *
   * @param limit stop decoding after about this many messages; the count is then a lower bound
   */
  Backlog backlog(String slot, String publication, String table, int limit, Progress progress)
      throws SQLException {
    String tableName = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
    String copy = "dt_ops_peek_" + single("SELECT pg_backend_pid()", result -> result.getInt(1));
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_copy_logical_replication_slot(?, ?, true)")) {
      statement.setString(1, slot);
      statement.setString(2, copy);
      statement.execute();
    }
    long inserts = 0;
    long messages = 0;
    String oldest = null;
    PgOutputInserts decoder = new PgOutputInserts();
    try {
      connection.setAutoCommit(
          false); // lets the driver fetch the changes in batches through a cursor
      try (PreparedStatement statement =
          connection.prepareStatement(
              """
          SELECT data FROM pg_logical_slot_peek_binary_changes(?, NULL, ?,
              'proto_version', '1', 'publication_names', ?)
          """)) {
        statement.setFetchSize(1_000);
        statement.setString(1, copy);
        statement.setInt(2, limit);
        statement.setString(3, publication);
        try (ResultSet result = statement.executeQuery()) {
          while (result.next()) {
            messages++;
            PgOutputInserts.Insert insert = decoder.read(result.getBytes(1));
            if (insert == null || !insert.table().equals(tableName)) {
              continue;
            }
            inserts++;
            progress.step();
            // text timestamps in ISO style and UTC (set above) sort like the instants they stand
            // for
            String occurredAt = insert.values().get("occurred_at");
            if (occurredAt != null && (oldest == null || occurredAt.compareTo(oldest) < 0)) {
              oldest = occurredAt;
            }
          }
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
      try (PreparedStatement drop =
          connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
        drop.setString(1, copy);
        drop.execute();
      } catch (SQLException ignored) {
        // a temporary slot goes away with this session anyway
      }
    }
    progress.finish();
    return new Backlog(inserts, oldest == null ? null : parseTimestamp(oldest), messages >= limit);
  }

  private Instant parseTimestamp(String text) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT ?::timestamptz")) {
      statement.setString(1, text);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getTimestamp(1).toInstant();
      }
    }
  }

  private interface Row<T> {
    T read(ResultSet result) throws SQLException;
  }

  private <T> T single(String sql, Row<T> row) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return row.read(result);
    }
  }
}
