package io.digitaltowns.relay.engine;

import java.net.URI;

/** The parts of a JDBC URL that Debezium's PostgreSQL connector wants as separate settings. */
record PostgresConnection(String host, int port, String database) {

  static PostgresConnection fromJdbcUrl(String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("expected a jdbc:postgresql:// URL");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String path = uri.getPath();
    String database = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
    return new PostgresConnection(
        uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), database);
  }
}
