package io.digitaltowns.benchmark.endtoend;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the analytics figure that a registration moves: the daily sign-up count (Kafka Streams →
 * compacted dt.analytics.signups-daily → group analytics-sink → consumers.analytics_figures). A
 * count has no per-event identity, so the k-th registration (in the order of their 201s) is taken
 * as counted when the count first reached baseline + k. Polled every 20 ms.
 */
final class SignupCountArrivals implements AutoCloseable {

  private static final long POLL_MILLIS = 20;

  private record Observation(long count, Instant at) {}

  private final List<Observation> observations = new ArrayList<>();
  private final AtomicBoolean polling = new AtomicBoolean(true);
  private final AtomicReference<String> error = new AtomicReference<>();
  private final Connection connection;
  private final LocalDate fromDay = LocalDate.now(ZoneOffset.UTC);
  private final long baseline;
  private final Thread poller;

  SignupCountArrivals(Connection connection) throws SQLException {
    this.connection = connection;
    try (PreparedStatement query = query()) {
      baseline = count(query);
    }
    poller = new Thread(this::poll, "bench-signup-count");
    poller.setDaemon(true);
    poller.start();
  }

  private PreparedStatement query() throws SQLException {
    PreparedStatement query =
        connection.prepareStatement(
            """
        SELECT coalesce(sum((figures->>'registrations')::bigint), 0) FROM consumers.analytics_figures
        WHERE topic = 'dt.analytics.signups-daily' AND day_utc >= ?""");
    query.setDate(1, Date.valueOf(fromDay));
    return query;
  }

  private static long count(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void poll() {
    try (PreparedStatement query = query()) {
      long last = baseline;
      while (polling.get()) {
        long count = count(query);
        if (count != last) {
          synchronized (observations) {
            observations.add(new Observation(count - baseline, Instant.now()));
          }
          last = count;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (SQLException e) {
      error.set(String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Registrations counted since this watch began. */
  long counted() {
    synchronized (observations) {
      return observations.isEmpty() ? 0 : observations.get(observations.size() - 1).count();
    }
  }

  /** When the count first reached k (1-based) above the baseline, or null if it has not. */
  Instant reached(long k) {
    synchronized (observations) {
      int lo = 0;
      int hi = observations.size() - 1;
      Instant found = null;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (observations.get(mid).count() >= k) {
          found = observations.get(mid).at();
          hi = mid - 1;
        } else {
          lo = mid + 1;
        }
      }
      return found;
    }
  }

  String error() {
    return error.get();
  }

  @Override
  public void close() throws InterruptedException {
    polling.set(false);
    poller.join(5_000);
  }
}
