package io.digitaltowns.consumers.backup;

import io.digitaltowns.backup.archive.ArchiverStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code backup} in health: the archive's last upload and failures in a row, the last snapshot. An
 * unreachable bucket is reported as such but does not mark the service down: the records wait in
 * Kafka, uncommitted, and restarting the consumers would not bring the bucket back.
 */
class BackupHealthIndicator implements HealthIndicator {

  private final TopicArchiveRunner archive;
  private final NightlySnapshot snapshot;

  BackupHealthIndicator(TopicArchiveRunner archive, NightlySnapshot snapshot) {
    this.archive = archive;
    this.snapshot = snapshot;
  }

  @Override
  public Health health() {
    Health.Builder health =
        archive.alive() ? Health.up() : Health.down().withDetail("archiver", "not running");
    ArchiverStatus status = archive.status();
    if (status != null) {
      health
          .withDetail("archiveState", status.consecutiveFailures() == 0 ? "ok" : "uploads failing")
          .withDetail("lastUpload", String.valueOf(status.lastUpload()))
          .withDetail("filesUploaded", status.filesUploaded())
          .withDetail("recordsArchived", status.recordsArchived())
          .withDetail("failuresInARow", status.consecutiveFailures());
      if (status.lastFailure() != null) {
        health.withDetail("lastFailure", status.lastFailure());
      }
    }
    if (snapshot != null) {
      health.withDetail(
          "lastSnapshot", snapshot.last() == null ? "none since start" : snapshot.last().id());
      if (snapshot.lastFailure() != null) {
        health.withDetail("lastSnapshotFailure", snapshot.lastFailure());
      }
    }
    return health.build();
  }
}
