package io.digitaltowns.consumers.backup;

import io.digitaltowns.backup.archive.ArchiveSettings;
import io.digitaltowns.backup.snapshot.RetentionPolicy;
import io.digitaltowns.backup.store.BackupStorageSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The backup group, {@code digitaltowns.backup.*}: where backups go (B2_*), how the topic archive
 * cuts its files, and when and how long the database snapshots are kept. The group itself is
 * switched on by {@code digitaltowns.consumers.backup.enabled} (CONSUMER_BACKUP_ENABLED), like
 * every consumer group.
 */
@ConfigurationProperties("digitaltowns.backup")
public record BackupProperties(
    @DefaultValue Storage storage, @DefaultValue Archive archive, @DefaultValue Snapshot snapshot) {

  /**
   * @param endpoint B2_ENDPOINT, e.g. https://s3.eu-central-003.backblazeb2.com (empty: AWS S3)
   * @param region B2_REGION, e.g. eu-central-003
   * @param bucket B2_BUCKET
   * @param keyId B2_KEY_ID
   * @param appKey B2_APP_KEY (a secret)
   * @param pathStyle B2_PATH_STYLE
   */
  public record Storage(
      String endpoint,
      @DefaultValue("auto") String region,
      @DefaultValue("digitaltowns-backups") String bucket,
      String keyId,
      String appKey,
      @DefaultValue("true") boolean pathStyle) {

    public BackupStorageSettings settings() {
      return new BackupStorageSettings(endpoint, region, bucket, keyId, appKey, pathStyle);
    }

    @Override
    public String toString() {
      return settings().toString();
    }
  }

  /**
   * @param topics archived topics (whole-name regex): the events, and a self-hosted registry's
   *     schemas
   * @param excludedTopics left out: dead letters (copies of archived events) and derived analytics
   *     (rebuilt from the events)
   * @param maxRecords a file per partition at most this many records...
   * @param maxBytes ...this large (uncompressed)...
   * @param maxAge ...or this old: the archive lags Kafka by at most about this much
   * @param retryBackoff first wait after a failed upload, doubling up to {@code maxRetryBackoff}
   * @param maxRetryBackoff longest wait between attempts
   * @param metadataMaxAge how soon a new topic is found and archived
   */
  public record Archive(
      @DefaultValue("dt\\..*|_schemas") String topics,
      @DefaultValue(".*\\.dlt|dt\\.analytics\\..*") String excludedTopics,
      @DefaultValue("10000") int maxRecords,
      @DefaultValue("64MB") DataSize maxBytes,
      @DefaultValue("5m") Duration maxAge,
      @DefaultValue("1s") Duration retryBackoff,
      @DefaultValue("1m") Duration maxRetryBackoff,
      @DefaultValue("1m") Duration metadataMaxAge) {

    public ArchiveSettings settings() {
      return new ArchiveSettings(
          Pattern.compile(topics),
          Pattern.compile(excludedTopics == null ? "" : excludedTopics),
          maxRecords,
          maxBytes.toBytes(),
          maxAge,
          retryBackoff,
          maxRetryBackoff);
    }
  }

  /**
   * @param enabled BACKUP_SNAPSHOT_ENABLED: nightly snapshots in this process (with the backup
   *     group on)
   * @param cron BACKUP_SNAPSHOT_CRON, Spring cron (second minute hour day month weekday)
   * @param zone BACKUP_SNAPSHOT_ZONE: the cron's time zone, and the days/weeks/months of retention
   * @param schemas the database schemas copied: the api's (public) and the consumers'
   * @param keepDaily BACKUP_KEEP_DAILY: the newest snapshot of each of this many days is kept...
   * @param keepWeekly BACKUP_KEEP_WEEKLY: ...of this many weeks...
   * @param keepMonthly BACKUP_KEEP_MONTHLY: ...and of this many months; the rest is deleted after
   *     each snapshot
   */
  public record Snapshot(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0 0 2 * * *") String cron,
      @DefaultValue("UTC") ZoneId zone,
      @DefaultValue({"public", "consumers"}) List<String> schemas,
      @DefaultValue("7") int keepDaily,
      @DefaultValue("4") int keepWeekly,
      @DefaultValue("12") int keepMonthly) {

    public RetentionPolicy retention() {
      return new RetentionPolicy(keepDaily, keepWeekly, keepMonthly, zone);
    }
  }
}
