package io.digitaltowns.relay.leadership;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the one active relay with a session-level PostgreSQL advisory lock, held on a dedicated
 * connection. If this process dies or loses its connection, PostgreSQL releases the lock and a
 * standby takes over. The connection's application_name says which instance holds it.
 */
public class RelayLeadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

  private final String jdbcUrl;
  private final Properties credentials;
  private final long lockId;
  private Connection connection;

  public RelayLeadership(String jdbcUrl, String user, String password, long lockId) {
    this.jdbcUrl = jdbcUrl;
    this.credentials = new Properties();
    credentials.setProperty("user", user);
    credentials.setProperty("password", password == null ? "" : password);
    credentials.setProperty(
        "ApplicationName", "digitaltowns-relay " + ManagementFactory.getRuntimeMXBean().getName());
    this.lockId = lockId;
  }

  /**
   * @return true when this instance now holds the lock
   */
  public synchronized boolean tryAcquire() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(jdbcUrl, credentials);
      }
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        statement.setLong(1, lockId);
        try (ResultSet result = statement.executeQuery()) {
          return result.next() && result.getBoolean(1);
        }
      }
    } catch (SQLException e) {
      log.warn("Cannot reach the database to take the relay lock: {}", e.getMessage());
      close();
      return false;
    }
  }

  /** A lost connection means a lost lock: another relay may already be active. */
  public synchronized boolean isHeld() {
    try {
      return connection != null && connection.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Releases the lock by ending its session. */
  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Closing the lock connection failed", e);
      }
      connection = null;
    }
  }
}
