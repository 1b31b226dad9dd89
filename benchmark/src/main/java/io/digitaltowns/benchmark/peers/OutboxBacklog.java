package io.digitaltowns.benchmark.peers;

import io.digitaltowns.benchmark.Figures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a backlog of benchmark outbox rows the way a busy api would: JDBC batches, one commit per
 * 1,000 rows.
 */
public final class OutboxBacklog {

  static final int ROWS_PER_COMMIT = 1_000;

  private final PostgresLogin database;
  private final BenchOutboxRows rows;

  public OutboxBacklog(PostgresLogin database, BenchOutboxRows rows) {
    this.database = database;
    this.rows = rows;
  }

  /** Inserts {@code count} rows; returns rows, payloadBytes, rowsPerCommit, insertSeconds. */
  public Map<String, Object> insert(int count) throws Exception {
    long t = System.nanoTime();
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(BenchOutboxRows.INSERT_SQL)) {
        for (int i = 1; i <= count; i++) {
          rows.bind(insert, UUID.randomUUID());
          insert.addBatch();
          if (i % ROWS_PER_COMMIT == 0) {
            insert.executeBatch();
            c.commit();
          }
        }
        insert.executeBatch();
        c.commit();
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rows", count);
    result.put("payloadBytes", rows.payloadBytes());
    result.put("rowsPerCommit", ROWS_PER_COMMIT);
    result.put("insertSeconds", Figures.seconds(System.nanoTime() - t));
    return result;
  }
}
