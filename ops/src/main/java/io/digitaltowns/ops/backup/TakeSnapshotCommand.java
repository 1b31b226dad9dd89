package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.DatabaseOptions;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description =
        "Take a database snapshot now, as the nightly one does (one read-only repeatable-read transaction), "
            + "e.g. before a risky migration or for a restore drill. It counts as any other for retention.")
public class TakeSnapshotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Mixin BackupStoreOptions backup;

  @Option(
      names = "--schema",
      paramLabel = "<schema>",
      defaultValue = "public,consumers",
      split = ",",
      description = "Schemas to copy (default: ${DEFAULT-VALUE}, the api's and the consumers').")
  List<String> schemas;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (BackupStore store = backup.connect();
        Connection connection = database.connect()) {
      store.ensureBucket();
      SnapshotManifest manifest =
          new SnapshotCatalog(store, Clock.systemUTC()).take(connection, schemas);
      out.println(
          "Snapshot "
              + manifest.id()
              + " of "
              + database.displayUrl()
              + " uploaded to "
              + store.settings().describe()
              + ": "
              + manifest.tables().size()
              + " tables, "
              + manifest.totalRows()
              + " rows, "
              + manifest.dataBytes()
              + " bytes, schema versions "
              + manifest.schemaVersions()
              + ".");
      out.flush();
      return OpsExit.OK;
    }
  }
}
