package io.digitaltowns.consumers.backup;

import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes the database snapshot at {@code BACKUP_SNAPSHOT_CRON} in {@code BACKUP_SNAPSHOT_ZONE}
 * (02:00 UTC by default), uploads it, then prunes old ones by the retention policy. A failed night
 * is logged and shown in health; the next night tries again (an operator can take one by hand:
 * docs/backup.md).
 */
class NightlySnapshot {

  /**
   * pg_try_advisory_lock key: "dt-snap" in ASCII, so instances that all run the group take one
   * snapshot.
   */
  private static final long LOCK = 0x64742d736e6170L;

  private static final Logger log = LoggerFactory.getLogger(NightlySnapshot.class);

  private final DataSource dataSource;
  private final SnapshotCatalog catalog;
  private final BackupProperties.Snapshot settings;
  private volatile SnapshotManifest last;
  private volatile Instant lastFailureAt;
  private volatile String lastFailure;

  NightlySnapshot(
      DataSource dataSource, SnapshotCatalog catalog, BackupProperties.Snapshot settings) {
    this.dataSource = dataSource;
    this.catalog = catalog;
    this.settings = settings;
  }

  @Scheduled(
      cron = "${digitaltowns.backup.snapshot.cron:0 0 2 * * *}",
      zone = "${digitaltowns.backup.snapshot.zone:UTC}")
  void onSchedule() {
    try {
      takeOnce(LocalDate.now(settings.zone()));
    } catch (Exception e) {
      lastFailureAt = Instant.now();
      lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.error("backup: database snapshot failed", e);
    }
  }

  /**
   * The scheduled snapshot: taken once per night however many instances run the group and whenever
   * each one's schedule fires; a failed night has no row, so the next instance to fire that night
   * tries again.
   *
   * @return the snapshot taken, or null when another instance holds the lock or took this night's
   *     already
   */
  SnapshotManifest takeOnce(LocalDate night) throws Exception {
    return underLock(
        connection -> {
          if (takenOn(connection, night)) {
            log.info("backup: the snapshot of {} was taken already", night);
            return null;
          }
          SnapshotManifest manifest = snapshot(connection);
          recordNight(connection, night, manifest.id());
          return manifest;
        });
  }

  /**
   * A snapshot now, whether or not tonight's was taken; null when another instance is taking one.
   */
  SnapshotManifest take() throws Exception {
    return underLock(this::snapshot);
  }

  private SnapshotManifest underLock(LockedWork work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      if (!lock(connection, "pg_try_advisory_lock")) {
        log.info("backup: another instance is taking the snapshot");
        return null;
      }
      try {
        return work.run(connection);
      } finally {
        lock(connection, "pg_advisory_unlock");
      }
    }
  }

  private SnapshotManifest snapshot(Connection connection) throws Exception {
    long begin = System.nanoTime();
    SnapshotManifest manifest = catalog.take(connection, settings.schemas());
    log.info(
        "backup: snapshot {} uploaded: {} tables, {} rows, {} bytes, in {} ms",
        manifest.id(),
        manifest.tables().size(),
        manifest.totalRows(),
        manifest.dataBytes(),
        (System.nanoTime() - begin) / 1_000_000);
    last = manifest;
    List<String> pruned = catalog.prune(settings.retention());
    if (!pruned.isEmpty()) {
      log.info("backup: pruned {} old snapshot(s): {}", pruned.size(), pruned);
    }
    return manifest;
  }

  private static boolean takenOn(Connection connection, LocalDate night) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT 1 FROM consumers.nightly_snapshots WHERE night = ?")) {
      statement.setObject(1, night);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  private static void recordNight(Connection connection, LocalDate night, String snapshotId)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO consumers.nightly_snapshots (night, snapshot_id) VALUES (?, ?) ON CONFLICT (night) DO NOTHING")) {
      statement.setObject(1, night);
      statement.setString(2, snapshotId);
      statement.executeUpdate();
    }
  }

  SnapshotManifest last() {
    return last;
  }

  String lastFailure() {
    return lastFailure == null ? null : lastFailureAt + " " + lastFailure;
  }

  @FunctionalInterface
  private interface LockedWork {
    SnapshotManifest run(Connection connection) throws Exception;
  }

  private static boolean lock(Connection connection, String function) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
      statement.setLong(1, LOCK);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }
}
