package io.digitaltowns.backup.snapshot;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a consistent snapshot of the database's schemas to a local zip: one REPEATABLE READ, READ
 * ONLY transaction, so every table is copied as of the same moment while the services keep writing;
 * each table as PostgreSQL's COPY text (exact for every type, read back by COPY FROM). Flyway's
 * history tables are not copied: the manifest keeps their latest versions, and restoring runs those
 * migrations. Nor is the relay's offsets table ({@link RelayState}): its positions belong to this
 * server's write-ahead log.
 *
 * <p>Why not {@code pg_dump}: it must be at least the server's major version and is rarely on the
 * machine the consumers run on; COPY over JDBC needs nothing but the connection the service already
 * has.
 */
public final class SnapshotWriter {

  /**
   * Flyway's history tables (the api's {@code flyway_schema_history}, the consumers' {@code
   * flyway_consumers_history}).
   */
  static final Pattern FLYWAY_HISTORY = Pattern.compile("flyway_.*history");

  private final List<String> schemas;

  /**
   * @param schemas the schemas to copy, e.g. {@code public} (the api's) and {@code consumers}
   */
  public SnapshotWriter(List<String> schemas) {
    this.schemas = List.copyOf(schemas);
  }

  /**
   * Copies the schemas into {@code zip} and describes them; the connection is left as it was found.
   *
   * @param dataObject the key the zip will be uploaded under, recorded in the manifest
   */
  public SnapshotManifest write(Connection connection, Path zip, String id, String dataObject)
      throws SQLException, IOException {
    boolean autoCommit = connection.getAutoCommit();
    int isolation = connection.getTransactionIsolation();
    boolean readOnly = connection.isReadOnly();
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
    try {
      SnapshotManifest manifest = writeInTransaction(connection, zip, id, dataObject);
      connection.commit();
      return manifest;
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setReadOnly(readOnly);
      connection.setTransactionIsolation(isolation);
      connection.setAutoCommit(autoCommit);
    }
  }

  private SnapshotManifest writeInTransaction(
      Connection connection, Path zip, String id, String dataObject)
      throws SQLException, IOException {
    // the first statement fixes the transaction's snapshot: everything below sees the same moment
    Instant takenAt;
    String serverVersion;
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT clock_timestamp(), current_setting('server_version')")) {
      row.next();
      takenAt = row.getTimestamp(1).toInstant();
      serverVersion = row.getString(2);
    }
    List<TableToCopy> tables = tables(connection);
    Map<String, String> versions = new LinkedHashMap<>();
    List<SnapshotManifest.Table> copied = new ArrayList<>();
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    MessageDigest sha256 = sha256();
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(new DigestOutputStream(file, sha256))) {
      for (TableToCopy table : tables) {
        if (FLYWAY_HISTORY.matcher(table.name()).matches()) {
          versions.put(table.schema(), latestVersion(connection, table));
          continue;
        }
        if (RelayState.isRelayState(table.schema(), table.name())) {
          continue;
        }
        SnapshotManifest.Table described =
            new SnapshotManifest.Table(table.schema(), table.name(), table.columns(), 0);
        out.putNextEntry(new ZipEntry(described.entry()));
        long rows =
            copy.copyOut(
                "COPY "
                    + described.qualifiedName()
                    + " ("
                    + Sql.columns(table.columns())
                    + ") TO STDOUT",
                new KeepOpen(out));
        out.closeEntry();
        copied.add(new SnapshotManifest.Table(table.schema(), table.name(), table.columns(), rows));
      }
    }
    return new SnapshotManifest(
        SnapshotManifest.FORMAT_VERSION,
        id,
        takenAt,
        serverVersion,
        versions,
        copied,
        sequences(connection),
        dataObject,
        Files.size(zip),
        HexFormat.of().formatHex(sha256.digest()));
  }

  private List<TableToCopy> tables(Connection connection) throws SQLException {
    // generated columns cannot be copied back in: PostgreSQL computes them again
    String sql =
        """
        SELECT c.table_schema, c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position)
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE t.table_type = 'BASE TABLE' AND c.table_schema = ANY (?) AND c.is_generated = 'NEVER'
        GROUP BY c.table_schema, c.table_name
        ORDER BY c.table_schema, c.table_name""";
    List<TableToCopy> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Array columns = rows.getArray(3);
          tables.add(
              new TableToCopy(
                  rows.getString(1), rows.getString(2), List.of((String[]) columns.getArray())));
        }
      }
    }
    return tables;
  }

  private static String latestVersion(Connection connection, TableToCopy history)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT version FROM "
                    + Sql.identifier(history.schema())
                    + "."
                    + Sql.identifier(history.name())
                    + " WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1")) {
      return row.next() ? row.getString(1) : null;
    }
  }

  private List<SnapshotManifest.Sequence> sequences(Connection connection) throws SQLException {
    List<SnapshotManifest.Sequence> sequences = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT schemaname, sequencename, last_value FROM pg_sequences WHERE schemaname = ANY (?) ORDER BY 1, 2")) {
      statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long value = rows.getLong(3);
          sequences.add(
              new SnapshotManifest.Sequence(
                  rows.getString(1), rows.getString(2), rows.wasNull() ? null : value));
        }
      }
    }
    return sequences;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private record TableToCopy(String schema, String name, List<String> columns) {}

  /** COPY closes the stream it writes to; the zip must stay open for the next table. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
