package io.digitaltowns.benchmark.peers;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the outbox database is and how to sign in; opens JDBC sessions and splits the URL for
 * Debezium.
 */
public record PostgresLogin(String jdbcUrl, String user, String password) {

  public PostgresLogin {
    password = password == null ? "" : password;
  }

  /**
   * A session whose JDBC batches are sent as multi-row INSERTs, as the relay benchmark always did.
   */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    p.put("user", user);
    p.put("password", password);
    p.put("reWriteBatchedInserts", "true");
    return DriverManager.getConnection(jdbcUrl, p);
  }

  String host() {
    return uri().getHost();
  }

  int port() {
    int port = uri().getPort();
    return port < 0 ? 5432 : port;
  }

  String database() {
    String path = uri().getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private URI uri() {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    return URI.create(jdbcUrl.substring("jdbc:".length()));
  }

  @Override
  public String toString() {
    return Redacted.toString(this, "password");
  }
}
