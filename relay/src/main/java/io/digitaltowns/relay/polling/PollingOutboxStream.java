package io.digitaltowns.relay.polling;

import io.digitaltowns.relay.RelayProperties;
import io.digitaltowns.relay.engine.OutboxEvent;
import io.digitaltowns.relay.engine.OutboxSender;
import io.digitaltowns.relay.engine.OutboxStream;
import io.digitaltowns.relay.engine.RelayControl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RELAY_MODE=polling: reads the outbox table itself, for a PostgreSQL without logical replication.
 * Each batch is one transaction: lock the oldest rows ({@code ORDER BY seq ... FOR UPDATE SKIP
 * LOCKED}), send them, wait for Kafka's acknowledgement of every one, delete exactly those rows,
 * commit. A failure before the commit rolls back: the rows are still there and go out again (at
 * least once, like the Debezium relay after a crash; consumers drop repeats by event id).
 *
 * <p>Rows only become visible when their transaction commits, so a transaction that commits late
 * can leave a lower seq behind rows already relayed. Nothing is lost: the poller takes whatever is
 * committed and still in the table, so the late row goes out at the next poll, and it only ever
 * deletes the rows it sent. Per-aggregate order holds because the outbox's insert trigger (api
 * migration V19) makes a second writer of the same aggregate wait for the first to end before it
 * draws its seq: of one aggregate, no row can commit behind a higher seq.
 */
public class PollingOutboxStream implements OutboxStream {

  private static final Logger log = LoggerFactory.getLogger(PollingOutboxStream.class);

  /** Advisory lock class of a batch; the aggregate locks of the insert trigger use class 7262. */
  private static final int BATCH_LOCK_CLASS = 7263;

  private final DataSource dataSource;
  private final RelayProperties properties;

  public PollingOutboxStream(DataSource dataSource, RelayProperties properties) {
    this.dataSource = dataSource;
    this.properties = properties;
  }

  @Override
  public void relay(OutboxSender sender, RelayControl control)
      throws SQLException, InterruptedException {
    while (control.keepGoing()) {
      if (relayOneBatch(sender) == 0) {
        control.pause(properties.polling().idleInterval());
      }
    }
  }

  /**
   * @return how many rows were relayed and deleted
   */
  int relayOneBatch(OutboxSender sender) throws SQLException, InterruptedException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        waitForAnEarlierLeadersBatch(connection);
        List<OutboxEvent> batch = lockOldest(connection);
        if (!batch.isEmpty()) {
          sender.sendAll(batch);
          delete(connection, batch);
        }
        connection.commit();
        if (log.isDebugEnabled() && !batch.isEmpty()) {
          log.debug("Relayed and deleted {} outbox rows", batch.size());
        }
        return batch.size();
      } catch (SQLException | InterruptedException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * A relay that just took over could otherwise skip the rows a former leader still has locked in a
   * batch it is sending (its lock connection died first) and relay later events of the same
   * aggregates before them. Every batch takes this transaction-level lock, so a new leader's first
   * batch waits for the old one's to end.
   */
  private void waitForAnEarlierLeadersBatch(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL lock_timeout = '10s'");
    }
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
      statement.setInt(1, BATCH_LOCK_CLASS);
      statement.setInt(2, (int) properties.lockId());
      statement.execute();
    }
  }

  private List<OutboxEvent> lockOldest(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
        SELECT id, topic, aggregate_id, event_type, trace_id, occurred_at, payload
        FROM outbox ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED
        """)) {
      statement.setInt(1, properties.polling().batchSize());
      List<OutboxEvent> batch = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          OffsetDateTime occurredAt = row.getObject("occurred_at", OffsetDateTime.class);
          batch.add(
              new OutboxEvent(
                  row.getString("topic"),
                  row.getString("id"),
                  row.getString("aggregate_id"),
                  row.getString("event_type"),
                  row.getString("trace_id"),
                  occurredAt == null ? null : occurredAt.toInstant(),
                  row.getBytes("payload")));
        }
      }
      return batch;
    }
  }

  private static void delete(Connection connection, List<OutboxEvent> batch) throws SQLException {
    UUID[] ids = batch.stream().map(event -> UUID.fromString(event.eventId())).toArray(UUID[]::new);
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("uuid", ids));
      statement.executeUpdate();
    }
  }
}
