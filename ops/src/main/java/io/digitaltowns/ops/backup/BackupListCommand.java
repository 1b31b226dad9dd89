package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.backup.store.StoredObject;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.console.Table;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the database snapshots and, per topic, what the archive holds.")
public class BackupListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BackupStoreOptions backup;

  @Option(names = "--snapshots", description = "Only the snapshots.")
  boolean onlySnapshots;

  @Option(names = "--archive", description = "Only the topic archive.")
  boolean onlyArchive;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (BackupStore store = backup.connect()) {
      out.println("Backups in " + store.settings().describe());
      if (!onlyArchive) {
        printSnapshots(store, out);
      }
      if (!onlySnapshots) {
        printArchive(store, out);
      }
    }
    out.flush();
    return OpsExit.OK;
  }

  private static void printSnapshots(BackupStore store, PrintWriter out) {
    List<SnapshotManifest> snapshots = new SnapshotCatalog(store, Clock.systemUTC()).list();
    out.println();
    out.println("Snapshots (" + snapshots.size() + "):");
    Table table = new Table("ID", "TAKEN", "TABLES", "ROWS", "BYTES", "SCHEMA VERSIONS");
    for (SnapshotManifest snapshot : snapshots) {
      table.row(
          snapshot.id(),
          snapshot.takenAt(),
          snapshot.restoredTables().size(),
          snapshot.totalRows(),
          snapshot.dataBytes(),
          snapshot.schemaVersions());
    }
    table.print(out);
  }

  private static void printArchive(BackupStore store, PrintWriter out) {
    Map<String, Summary> topics = new TreeMap<>();
    for (StoredObject object : store.list(ArchiveFileName.PREFIX)) {
      Optional<ArchiveFileName> name = ArchiveFileName.parse(object.key());
      name.ifPresent(
          file ->
              topics
                  .computeIfAbsent(file.topic(), ignored -> new Summary())
                  .add(file, object.size()));
    }
    out.println();
    out.println("Topic archive (" + topics.size() + " topics):");
    Table table =
        new Table("TOPIC", "FILES", "PARTITIONS", "FIRST DAY", "LAST DAY", "OFFSETS", "BYTES");
    topics.forEach(
        (topic, summary) ->
            table.row(
                topic,
                summary.files,
                summary.partitions.size(),
                summary.firstDay,
                summary.lastDay,
                summary.offsets,
                summary.bytes));
    table.print(out);
  }

  private static final class Summary {
    long files;
    long offsets;
    long bytes;
    LocalDate firstDay;
    LocalDate lastDay;
    final java.util.Set<Integer> partitions = new java.util.TreeSet<>();

    void add(ArchiveFileName file, long size) {
      files++;
      offsets += file.records();
      bytes += size;
      partitions.add(file.partition());
      firstDay = firstDay == null || file.date().isBefore(firstDay) ? file.date() : firstDay;
      lastDay = lastDay == null || file.date().isAfter(lastDay) ? file.date() : lastDay;
    }
  }
}
