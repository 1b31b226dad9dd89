package io.digitaltowns.consumers.backup;

import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.store.BackupStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The backup group, only in a process with {@code CONSUMER_BACKUP_ENABLED=true}: the topic archiver
 * and the nightly snapshot. Both live in the consumers deployable because it already has what they
 * need (Kafka, the database) and runs all the time, unlike a cron container; run the group on one
 * instance only (the archiver would share partitions across instances correctly, but the snapshot
 * is taken where the group runs, guarded by a database lock so two instances never take the same
 * night's snapshot twice at once).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "digitaltowns.consumers.backup.enabled", havingValue = "true")
@EnableScheduling
class BackupConfiguration {

  @Bean(destroyMethod = "close")
  BackupStore backupStore(BackupProperties properties) {
    return BackupStore.connect(properties.storage().settings());
  }

  @Bean
  TopicArchiveRunner topicArchiveRunner(
      BackupStore store, BackupProperties properties, KafkaProperties kafka) {
    return new TopicArchiveRunner(store, properties.archive(), kafka.buildConsumerProperties());
  }

  @Bean
  SnapshotCatalog snapshotCatalog(BackupStore store) {
    return new SnapshotCatalog(store, Clock.systemUTC());
  }

  @Bean
  @ConditionalOnProperty(
      name = "digitaltowns.backup.snapshot.enabled",
      havingValue = "true",
      matchIfMissing = true)
  NightlySnapshot nightlySnapshot(
      javax.sql.DataSource dataSource, SnapshotCatalog catalog, BackupProperties properties) {
    return new NightlySnapshot(dataSource, catalog, properties.snapshot());
  }

  @Bean
  BackupMetrics backupMetrics(
      TopicArchiveRunner archive,
      org.springframework.beans.factory.ObjectProvider<NightlySnapshot> snapshot) {
    return new BackupMetrics(archive, snapshot.getIfAvailable());
  }

  @Bean
  BackupHealthIndicator backupHealthIndicator(
      TopicArchiveRunner archive,
      org.springframework.beans.factory.ObjectProvider<NightlySnapshot> snapshot) {
    return new BackupHealthIndicator(archive, snapshot.getIfAvailable());
  }
}
