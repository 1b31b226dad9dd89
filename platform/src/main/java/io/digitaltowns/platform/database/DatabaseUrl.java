package io.digitaltowns.platform.database;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A database address as hosting platforms hand it out ({@code
 * postgres://user:pass@host:port/db?sslmode=require}, Render and Heroku style), turned into what
 * the JDBC driver takes. A JDBC URL is left as it is.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

  public static boolean isPlatformForm(String url) {
    return url != null && (url.startsWith("postgres://") || url.startsWith("postgresql://"));
  }

  public static DatabaseUrl parse(String url) {
    if (!isPlatformForm(url)) {
      throw new IllegalArgumentException("not a postgres:// URL");
    }
    URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      // never echo the URL: it carries the password
      throw new IllegalArgumentException(
          "DATABASE_URL must look like postgres://user:password@host:port/database");
    }
    String username = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      username = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath());
    if (uri.getRawQuery() != null) {
      // sslmode=require and friends mean the same to the JDBC driver: TLS is on when the URL says
      // so
      jdbc.append('?').append(uri.getRawQuery());
    }
    return new DatabaseUrl(jdbc.toString(), username, password);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseUrl["
        + jdbcUrl
        + ", user="
        + username
        + ", password="
        + Redacted.secret(password)
        + "]";
  }
}
