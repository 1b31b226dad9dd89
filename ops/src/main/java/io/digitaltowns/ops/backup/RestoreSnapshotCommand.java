package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.backup.snapshot.SnapshotRestorer;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.RefusedException;
import io.digitaltowns.ops.connection.DatabaseOptions;
import io.digitaltowns.ops.console.Table;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore-snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a database snapshot into an empty database: checks the snapshot's checksum, creates the "
          + "tables with the services' migrations at the snapshot's schema versions, loads every table in one "
          + "transaction, sets the sequences, and compares each table's row count with the manifest.",
      "Refuses a database that holds any row in the snapshot's schemas, or that has a replication slot (a relay "
          + "already reading it would publish the restored outbox rows again): restore first, then start the services.",
      "The relay's offsets (positions in the old server's WAL) are not restored: the relay starts on the restored "
          + "database as on a first start (docs/backup.md)."
    })
public class RestoreSnapshotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Mixin BackupStoreOptions backup;

  @Parameters(
      index = "0",
      paramLabel = "<snapshot>",
      description =
          "Snapshot id (2026-11-29T020000Z) or key (snapshots/<id>/manifest.json), as `backup list` shows.")
  String reference;

  @Option(
      names = "--dry-run",
      description = "Check the snapshot and the target database, restore nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (BackupStore store = backup.connect()) {
      SnapshotCatalog catalog = new SnapshotCatalog(store, Clock.systemUTC());
      SnapshotManifest manifest =
          catalog
              .find(reference)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no snapshot "
                              + reference
                              + " in "
                              + store.settings().describe()
                              + "; `ops backup list` shows them"));
      out.println(
          "Snapshot "
              + manifest.id()
              + " taken "
              + manifest.takenAt()
              + " (PostgreSQL "
              + manifest.serverVersion()
              + "): "
              + manifest.restoredTables().size()
              + " tables, "
              + manifest.totalRows()
              + " rows, schema versions "
              + manifest.schemaVersions());
      try (Connection connection = database.connect()) {
        refuseUnlessEmpty(connection, manifest);
        if (dryRun) {
          out.println("Dry run: " + database.displayUrl() + " is empty; nothing restored.");
          out.flush();
          return OpsExit.OK;
        }
        Path zip = Files.createTempFile("snapshot-", ".zip");
        try {
          catalog.download(manifest, zip);
          SnapshotRestorer.verify(manifest, zip);
          out.println(
              "Checksum ok. Creating the schema: migrations up to " + manifest.schemaVersions());
          out.flush();
          SchemaMigrations.migrate(database.dataSource(), manifest.schemaVersions());
          long rows =
              new SnapshotRestorer()
                  .restore(
                      connection,
                      manifest,
                      zip,
                      table -> {
                        out.println(
                            "  "
                                + table.schema()
                                + "."
                                + table.name()
                                + ": "
                                + table.rows()
                                + " rows");
                        out.flush();
                      });
          Table check = new Table("TABLE", "SNAPSHOT", "RESTORED");
          List<String> differences = new ArrayList<>();
          for (SnapshotManifest.Table table : manifest.restoredTables()) {
            long restored = count(connection, table);
            check.row(table.schema() + "." + table.name(), table.rows(), restored);
            if (restored != table.rows()) {
              differences.add(table.name());
            }
          }
          check.print(out);
          if (!differences.isEmpty()) {
            out.println("Row counts differ: " + differences);
            out.flush();
            return OpsExit.DIFFERENCES;
          }
          out.println(rows + " rows restored into " + database.displayUrl() + ".");
          for (SnapshotManifest.Table left : manifest.relayState()) {
            out.println(
                "Not restored: "
                    + left.schema()
                    + "."
                    + left.name()
                    + " ("
                    + left.rows()
                    + " rows), the relay's "
                    + "positions in the old server's WAL.");
          }
          out.println(
              "The relay starts afresh on this database: a new replication slot, and the outbox rows restored "
                  + "are published again (the consumers' processed_events, restored too, skip what they handled).");
          out.flush();
          return OpsExit.OK;
        } finally {
          Files.deleteIfExists(zip);
        }
      }
    }
  }

  private void refuseUnlessEmpty(Connection connection, SnapshotManifest manifest)
      throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet slots =
            statement.executeQuery(
                "SELECT slot_name FROM pg_replication_slots WHERE database = current_database()")) {
      if (slots.next()) {
        throw new RefusedException(
            database.displayUrl()
                + " has the replication slot "
                + slots.getString(1)
                + ": a relay reads it and would publish the restored outbox rows again. Restore into a new database "
                + "before starting the relay. Nothing was changed.");
      }
    }
    List<String> holding = new ArrayList<>();
    try (PreparedStatement tables =
        connection.prepareStatement(
            """
        SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema = ANY (?) AND table_name NOT LIKE 'flyway%history'""")) {
      tables.setArray(
          1, connection.createArrayOf("text", manifest.schemaVersions().keySet().toArray()));
      try (ResultSet rows = tables.executeQuery()) {
        while (rows.next()) {
          String name = quote(rows.getString(1)) + "." + quote(rows.getString(2));
          try (Statement statement = connection.createStatement();
              ResultSet any =
                  statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + name + ")")) {
            any.next();
            if (any.getBoolean(1)) {
              holding.add(rows.getString(1) + "." + rows.getString(2));
            }
          }
        }
      }
    }
    if (!holding.isEmpty()) {
      throw new RefusedException(
          database.displayUrl()
              + " is not empty: rows in "
              + holding
              + ". Restore into a new, empty database. Nothing was changed.");
    }
  }

  private static long count(Connection connection, SnapshotManifest.Table table) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table.qualifiedName())) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
