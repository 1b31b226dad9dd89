package io.digitaltowns.ops.outbox;

import io.digitaltowns.ops.console.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Read-only questions to PostgreSQL about the outbox, the relay's replication slot and its lock. */
final class OutboxInspector {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  record TableState(long rows, Instant oldest) {
  }

  record SlotState(String plugin, String database, boolean active, Integer activePid, String activeApplication,
                   String confirmedFlushLsn, String currentLsn, Long lagBytes, Long retainedBytes, String walStatus) {
  }

  record LockHolder(int pid, String applicationName, String clientAddress, Instant backendStart, boolean granted) {
  }

  /** Events inserted into the outbox that the relay has not confirmed yet. */
  record Backlog(long rows, Instant oldest, boolean atLeast) {
  }

  private final Connection connection;

  OutboxInspector(Connection connection) throws SQLException {
    this.connection = connection;
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

  /** Rows kept in the table (relayed ones too, until the relay's clean-up), or empty if there is no such table. */
  Optional<TableState> table(String table) throws SQLException {
    requireIdentifier(table);
    try {
      return Optional.of(single("SELECT count(*), min(occurred_at) FROM " + table,
          result -> new TableState(result.getLong(1), instant(result.getTimestamp(2)))));
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) { // undefined_table
        return Optional.empty();
      }
      throw e;
    }
  }

  Optional<SlotState> slot(String slot) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT s.plugin, s.database, s.active, s.active_pid, a.application_name,
               s.confirmed_flush_lsn::text, pg_current_wal_lsn()::text,
               pg_wal_lsn_diff(pg_current_wal_lsn(), s.confirmed_flush_lsn)::bigint,
               pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn)::bigint,
               s.wal_status
        FROM pg_replication_slots s LEFT JOIN pg_stat_activity a ON a.pid = s.active_pid
        WHERE s.slot_name = ?
        """)) {
      statement.setString(1, slot);
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return Optional.empty();
        }
        return Optional.of(new SlotState(result.getString(1), result.getString(2), result.getBoolean(3),
            (Integer) result.getObject(4), result.getString(5), result.getString(6), result.getString(7),
            (Long) result.getObject(8), (Long) result.getObject(9), result.getString(10)));
      }
    }
  }

  /**
   * Sessions holding (or waiting for) the advisory lock {@code pg_try_advisory_lock(lockId)} in this database.
   * A bigint key shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
   */
  List<LockHolder> lockHolders(long lockId) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT l.pid, a.application_name, host(a.client_addr), a.backend_start, l.granted
        FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory'
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1
        ORDER BY l.granted DESC, l.pid
        """)) {
      statement.setLong(1, lockId >>> 32);
      statement.setLong(2, lockId & 0xFFFF_FFFFL);
      List<LockHolder> holders = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          holders.add(new LockHolder(result.getInt(1), result.getString(2), result.getString(3),
              instant(result.getTimestamp(4)), result.getBoolean(5)));
        }
      }
      return holders;
    }
  }

  /**
   * Counts the outbox inserts the slot still holds for the relay, exactly: a temporary copy of the slot (same
   * confirmed position; the relay's own slot is never touched, and may be in use) is peeked with pgoutput and
   * dropped again. Needs the REPLICATION attribute, like the relay itself, and one free replication slot.
   *
   * @param limit stop decoding after about this many messages; the count is then a lower bound
   */
  Backlog backlog(String slot, String publication, String table, int limit, Progress progress) throws SQLException {
    String tableName = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
    String copy = "dt_ops_peek_" + single("SELECT pg_backend_pid()", result -> result.getInt(1));
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT pg_copy_logical_replication_slot(?, ?, true)")) {
      statement.setString(1, slot);
      statement.setString(2, copy);
      statement.execute();
    }
    long inserts = 0;
    long messages = 0;
    String oldest = null;
    PgOutputInserts decoder = new PgOutputInserts();
    try {
      connection.setAutoCommit(false); // lets the driver fetch the changes in batches through a cursor
      try (PreparedStatement statement = connection.prepareStatement("""
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
            // text timestamps in ISO style and UTC (set above) sort like the instants they stand for
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
      try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
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

  private static void requireIdentifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a table name: " + name);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private interface Row<T> {
    T read(ResultSet result) throws SQLException;
  }

  private <T> T single(String sql, Row<T> row) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return row.read(result);
    }
  }
}
