package io.digitaltowns.benchmark.endtoend;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the CRM read model (consumer group {@code crm}) for the contact row of each new user:
 * polls every 20 ms for the users still awaited (a primary-key lookup, so the poll stays cheap
 * however large the table grows) and records when each row was first seen. The latency is therefore
 * up to one poll late.
 */
final class CrmContactArrivals implements AutoCloseable {

  private static final long POLL_MILLIS = 20;

  private final Set<String> awaited = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private final AtomicBoolean polling = new AtomicBoolean(true);
  private final AtomicReference<String> error = new AtomicReference<>();
  private final Connection connection;
  private final Thread poller;

  CrmContactArrivals(Connection connection) {
    this.connection = connection;
    poller = new Thread(this::poll, "bench-crm-rows");
    poller.setDaemon(true);
    poller.start();
  }

  void expect(String userId) {
    awaited.add(userId);
  }

  Instant seenAt(String userId) {
    return seen.get(userId);
  }

  boolean hasAll(Iterable<String> userIds) {
    for (String id : userIds) {
      if (!seen.containsKey(id)) {
        return false;
      }
    }
    return true;
  }

  String error() {
    return error.get();
  }

  private void poll() {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT user_id FROM consumers.crm_view_contacts WHERE user_id = ANY (?)")) {
      while (polling.get()) {
        List<String> batch = new ArrayList<>(awaited);
        if (!batch.isEmpty()) {
          Array ids = connection.createArrayOf("text", batch.toArray());
          query.setArray(1, ids);
          try (ResultSet rs = query.executeQuery()) {
            Instant now = Instant.now();
            while (rs.next()) {
              String id = rs.getString(1);
              seen.putIfAbsent(id, now);
              awaited.remove(id);
            }
          }
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (SQLException e) {
      error.set(String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Users with more than one registration activity on their CRM timeline (a side effect applied
   * twice).
   */
  Map<String, Integer> duplicatedActivities(List<String> userIds) throws SQLException {
    Map<String, Integer> duplicated = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            """
        SELECT user_id, count(*) FROM consumers.crm_view_activities
        WHERE user_id = ANY (?) AND kind = 'SIGNED_UP' GROUP BY user_id HAVING count(*) > 1""")) {
      query.setArray(1, connection.createArrayOf("text", userIds.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          duplicated.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return duplicated;
  }

  @Override
  public void close() throws InterruptedException {
    polling.set(false);
    poller.join(5_000);
  }
}
