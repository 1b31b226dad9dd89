package io.digitaltowns.relay.engine;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TLS settings of a JDBC URL ({@code ?sslmode=verify-full&sslrootcert=...}) as Debezium's
 * PostgreSQL connector wants them ({@code database.sslmode}, {@code database.sslrootcert}, ...).
 * The JDBC driver reads them from the URL for the relay's own pool and offset store, but Debezium
 * opens its replication and snapshot connections from its own settings: without these it falls back
 * to {@code prefer}, which neither insists on TLS nor checks the server, and sends no client
 * certificate.
 *
 * @param settings Debezium property name → value, only those the URL names
 */
record PostgresSsl(Map<String, String> settings) {

  /**
   * The driver's parameters that Debezium's connector also knows, under {@code database.<name>}.
   */
  private static final List<String> PARAMETERS =
      List.of("sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslfactory");

  static PostgresSsl fromJdbcUrl(String jdbcUrl) {
    String query = URI.create(jdbcUrl.substring("jdbc:".length())).getRawQuery();
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        parameters.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String parameter : PARAMETERS) {
      String value = parameters.get(parameter);
      if (value != null && !value.isBlank()) {
        settings.put("database." + parameter, value);
      }
    }
    // the driver's older switch: ssl=true without an sslmode means verify-full to the driver, so to
    // Debezium too
    if (!settings.containsKey("database.sslmode")
        && "true".equalsIgnoreCase(parameters.get("ssl"))) {
      settings.put("database.sslmode", "verify-full");
    }
    return new PostgresSsl(Map.copyOf(settings));
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
