package io.digitaltowns.backup.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a snapshot's data into a database whose tables already exist (created by the migrations of
 * the manifest's schema versions) and are empty. One transaction: all of it or nothing. Foreign
 * keys are dropped for the load and added back after it (so the table order does not matter and
 * every row is checked once at the end, as pg_dump does); user triggers are off during the load, so
 * restored rows fire nothing. The relay's offsets, which snapshots taken before {@link RelayState}
 * held, are not loaded: they belong to the old server.
 */
public final class SnapshotRestorer {

  /** Checks the zip against the manifest's checksum before anything is written. */
  public static void verify(SnapshotManifest manifest, Path zip) throws IOException {
    MessageDigest sha256 = SnapshotWriter.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(zip), sha256)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    String actual = HexFormat.of().formatHex(sha256.digest());
    if (!actual.equals(manifest.dataSha256())) {
      throw new IllegalStateException(
          "snapshot "
              + manifest.id()
              + " is damaged: SHA-256 of "
              + manifest.dataObject()
              + " is "
              + actual
              + ", the manifest says "
              + manifest.dataSha256());
    }
  }

  /**
   * @param progress told each table once it is loaded
   * @return the rows loaded
   */
  public long restore(
      Connection connection,
      SnapshotManifest manifest,
      Path zip,
      Consumer<SnapshotManifest.Table> progress)
      throws SQLException, IOException {
    verify(manifest, zip);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (ZipFile data = new ZipFile(zip.toFile())) {
      List<String> schemas =
          manifest.restoredTables().stream()
              .map(SnapshotManifest.Table::schema)
              .distinct()
              .toList();
      List<ForeignKey> foreignKeys = foreignKeys(connection, schemas);
      try (Statement statement = connection.createStatement()) {
        for (ForeignKey key : foreignKeys) {
          statement.execute(
              "ALTER TABLE " + key.table() + " DROP CONSTRAINT " + Sql.identifier(key.name()));
        }
        for (SnapshotManifest.Table table : manifest.restoredTables()) {
          statement.execute("ALTER TABLE " + table.qualifiedName() + " DISABLE TRIGGER USER");
        }
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long total = 0;
      for (SnapshotManifest.Table table : manifest.restoredTables()) {
        ZipEntry entry = data.getEntry(table.entry());
        if (entry == null) {
          throw new IllegalStateException(
              "snapshot " + manifest.id() + " has no data for " + table.qualifiedName());
        }
        long rows;
        try (InputStream in = data.getInputStream(entry)) {
          rows =
              copy.copyIn(
                  "COPY "
                      + table.qualifiedName()
                      + " ("
                      + Sql.columns(table.columns())
                      + ") FROM STDIN",
                  in);
        }
        if (rows != table.rows()) {
          throw new IllegalStateException(
              table.qualifiedName()
                  + ": loaded "
                  + rows
                  + " rows, the snapshot has "
                  + table.rows());
        }
        total += rows;
        progress.accept(table);
      }
      try (Statement statement = connection.createStatement()) {
        for (SnapshotManifest.Table table : manifest.restoredTables()) {
          statement.execute("ALTER TABLE " + table.qualifiedName() + " ENABLE TRIGGER USER");
        }
        for (ForeignKey key : foreignKeys) {
          statement.execute(
              "ALTER TABLE "
                  + key.table()
                  + " ADD CONSTRAINT "
                  + Sql.identifier(key.name())
                  + " "
                  + key.definition());
        }
      }
      restoreSequences(connection, manifest);
      connection.commit();
      return total;
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * A value below the sequence's minimum (a sequence never used, or restarted, reads as such on
   * some servers) leaves it unused: its next value is its minimum, as in the original.
   */
  private static void restoreSequences(Connection connection, SnapshotManifest manifest)
      throws SQLException {
    try (PreparedStatement setval =
        connection.prepareStatement(
            """
        SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, greatest(?, min_value), ? >= min_value)
        FROM pg_sequences WHERE schemaname = ? AND sequencename = ?""")) {
      for (SnapshotManifest.Sequence sequence : manifest.sequences()) {
        if (sequence.lastValue() != null) {
          setval.setLong(1, sequence.lastValue());
          setval.setLong(2, sequence.lastValue());
          setval.setString(3, sequence.schema());
          setval.setString(4, sequence.name());
          setval.executeQuery().close();
        }
      }
    }
  }

  private static List<ForeignKey> foreignKeys(Connection connection, List<String> schemas)
      throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
        SELECT format('%I.%I', n.nspname, t.relname), c.conname, pg_get_constraintdef(c.oid)
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = ANY (?)
        ORDER BY 1, 2""")) {
      statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
    }
    return keys;
  }

  private record ForeignKey(String table, String name, String definition) {}
}
