package io.digitaltowns.consumers.backup;

import io.digitaltowns.backup.archive.ArchiverStatus;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The backup group in Prometheus: what to alert on is {@code backup_archive_failures_in_a_row > 0}
 * for a while, and {@code time() - backup_snapshot_last_taken_seconds > 26h}.
 */
class BackupMetrics implements MeterBinder {

  private final TopicArchiveRunner archive;
  private final NightlySnapshot snapshot;

  BackupMetrics(TopicArchiveRunner archive, NightlySnapshot snapshot) {
    this.archive = archive;
    this.snapshot = snapshot;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("backup.archive.files", archive, of(ArchiverStatus::filesUploaded))
        .description("Archive files uploaded since start")
        .register(registry);
    FunctionCounter.builder("backup.archive.records", archive, of(ArchiverStatus::recordsArchived))
        .description("Records archived since start")
        .register(registry);
    Gauge.builder(
            "backup.archive.failures.in.a.row", archive, of(ArchiverStatus::consecutiveFailures))
        .description("Failed uploads since the last good one; offsets are not committed meanwhile")
        .register(registry);
    Gauge.builder(
            "backup.archive.last.upload",
            archive,
            of(
                status ->
                    status.lastUpload() == null
                        ? Double.NaN
                        : status.lastUpload().getEpochSecond()))
        .description("When the last archive file was uploaded (epoch seconds)")
        .baseUnit("seconds")
        .register(registry);
    if (snapshot != null) {
      Gauge.builder(
              "backup.snapshot.last.taken",
              snapshot,
              taken(manifest -> manifest.takenAt().getEpochSecond()))
          .description("When the last snapshot of this process was taken (epoch seconds)")
          .baseUnit("seconds")
          .register(registry);
      Gauge.builder("backup.snapshot.last.rows", snapshot, taken(SnapshotManifest::totalRows))
          .description("Rows in the last snapshot of this process")
          .register(registry);
    }
  }

  private static ToDoubleFunction<TopicArchiveRunner> of(ToDoubleFunction<ArchiverStatus> value) {
    return runner -> {
      ArchiverStatus status = runner.status();
      return status == null ? Double.NaN : value.applyAsDouble(status);
    };
  }

  private static ToDoubleFunction<NightlySnapshot> taken(ToDoubleFunction<SnapshotManifest> value) {
    return nightly -> nightly.last() == null ? Double.NaN : value.applyAsDouble(nightly.last());
  }
}
