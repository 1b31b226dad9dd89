package io.digitaltowns.platform.relaystatus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The relay's state as PostgreSQL sees it: its replication slot, the sessions on its advisory lock,
 * the outbox rows. One set of queries for every reader (the relay's health and gauges, the api's
 * operations page, the ops CLI), so the three cannot drift apart. Read-only; needs no privilege
 * beyond reading the outbox table.
 */
public final class RelayStatusQueries {

  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private final JdbcClient jdbc;

  public RelayStatusQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The slot, or empty when it does not exist (the relay never ran against this database, or runs
   * in polling mode).
   */
  public Optional<ReplicationSlot> slot(String slotName) {
    return jdbc.sql(
            """
            SELECT s.plugin, s.database, s.active, s.active_pid, a.application_name,
                   s.confirmed_flush_lsn::text AS confirmed_flush_lsn, pg_current_wal_lsn()::text AS current_lsn,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), s.confirmed_flush_lsn)::bigint AS lag,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn)::bigint AS retained,
                   s.wal_status
            FROM pg_replication_slots s LEFT JOIN pg_stat_activity a ON a.pid = s.active_pid
            WHERE s.slot_name = :slot
            """)
        .param("slot", slotName)
        .query(
            (row, n) ->
                new ReplicationSlot(
                    row.getString("plugin"),
                    row.getString("database"),
                    row.getBoolean("active"),
                    (Integer) row.getObject("active_pid"),
                    row.getString("application_name"),
                    row.getString("confirmed_flush_lsn"),
                    row.getString("current_lsn"),
                    (Long) row.getObject("lag"),
                    (Long) row.getObject("retained"),
                    row.getString("wal_status")))
        .optional();
  }

  /** Sessions of this database holding the lock (first) or waiting for it, by pid. */
  public List<RelayLockSession> lockSessions(RelayLockKey key) {
    return jdbc.sql(
            """
            SELECT l.pid, a.application_name, host(a.client_addr) AS client_addr, a.backend_start, l.granted
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory'
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = :high AND l.objid::bigint = :low AND l.objsubid = 1
            ORDER BY l.granted DESC, l.pid
            """)
        .param("high", key.high())
        .param("low", key.low())
        .query(
            (row, n) ->
                new RelayLockSession(
                    row.getInt("pid"),
                    row.getString("application_name"),
                    row.getString("client_addr"),
                    instant(row, "backend_start"),
                    row.getBoolean("granted")))
        .list();
  }

  /**
   * The session holding the lock: the active relay. Empty when every relay is down or all are
   * standbys retrying.
   */
  public Optional<RelayLockSession> lockHolder(RelayLockKey key) {
    return lockSessions(key).stream().filter(RelayLockSession::granted).findFirst();
  }

  /**
   * The rows in the outbox table, or empty when there is no such table (a database the api never
   * migrated).
   *
   * @param table the table's name, optionally schema-qualified
   */
  public Optional<OutboxRows> outbox(String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    boolean exists =
        jdbc.sql("SELECT to_regclass(:table) IS NOT NULL")
            .param("table", table)
            .query(Boolean.class)
            .single();
    if (!exists) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("SELECT count(*) AS row_count, min(occurred_at) AS oldest FROM " + table)
            .query((row, n) -> new OutboxRows(row.getLong("row_count"), instant(row, "oldest")))
            .single());
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
