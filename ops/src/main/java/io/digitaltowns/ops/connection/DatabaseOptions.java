package io.digitaltowns.ops.connection;

import io.digitaltowns.platform.database.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where PostgreSQL is: a JDBC URL, or the {@code postgres://user:pass@host/db} form hosting
 * platforms hand out.
 */
public class DatabaseOptions {

  @Option(
      names = "--database-url",
      paramLabel = "<url>",
      defaultValue = "${env:DATABASE_URL:-jdbc:postgresql://localhost:15432/postgres}",
      description =
          "JDBC URL (or postgres:// URL) of the database (env DATABASE_URL, default ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--database-user",
      paramLabel = "<user>",
      defaultValue = "${env:DATABASE_USER}",
      description =
          "Database user (env DATABASE_USER; default: from a postgres:// URL, else postgres).")
  String user;

  @Option(
      names = "--database-password",
      paramLabel = "<password>",
      defaultValue = "${env:DATABASE_PASSWORD}",
      description =
          "Database password (env DATABASE_PASSWORD, preferred: a command line shows in the process list).")
  String password;

  public DatabaseOptions() {}

  public DatabaseOptions(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public Connection connect() throws SQLException {
    String jdbcUrl = url;
    String effectiveUser = user;
    String effectivePassword = password;
    if (DatabaseUrl.isPlatformForm(url)) {
      DatabaseUrl parsed = DatabaseUrl.parse(url);
      jdbcUrl = parsed.jdbcUrl();
      effectiveUser = effectiveUser == null ? parsed.username() : effectiveUser;
      effectivePassword = effectivePassword == null ? parsed.password() : effectivePassword;
    }
    Properties properties = new Properties();
    properties.setProperty("user", effectiveUser == null ? "postgres" : effectiveUser);
    properties.setProperty("password", effectivePassword == null ? "postgres" : effectivePassword);
    properties.setProperty("ApplicationName", "digitaltowns-ops");
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** The same connection settings as a data source, for Flyway. */
  public javax.sql.DataSource dataSource() {
    String jdbcUrl = url;
    String effectiveUser = user;
    String effectivePassword = password;
    if (DatabaseUrl.isPlatformForm(url)) {
      DatabaseUrl parsed = DatabaseUrl.parse(url);
      jdbcUrl = parsed.jdbcUrl();
      effectiveUser = effectiveUser == null ? parsed.username() : effectiveUser;
      effectivePassword = effectivePassword == null ? parsed.password() : effectivePassword;
    }
    org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    dataSource.setUser(effectiveUser == null ? "postgres" : effectiveUser);
    dataSource.setPassword(effectivePassword == null ? "postgres" : effectivePassword);
    dataSource.setApplicationName("digitaltowns-ops");
    return dataSource;
  }

  /** The URL without credentials, for messages. */
  public String displayUrl() {
    if (DatabaseUrl.isPlatformForm(url)) {
      return DatabaseUrl.parse(url).jdbcUrl();
    }
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
