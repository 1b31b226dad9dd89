package io.digitaltowns.consumers.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.archive.ArchiveFiles;
import io.digitaltowns.backup.archive.ArchivedRecord;
import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.backup.store.StoredObject;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.objectstore.ObjectStoreServer;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup group as deployed: the consumers application with CONSUMER_BACKUP_ENABLED against the
 * local stack's Kafka and PostgreSQL, archiving to an S3 server of its own that the test can take
 * away and bring back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicArchiveTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String BUCKET = "archive-test";
  private static final String TOPIC =
      "dt.backuptest" + UUID.randomUUID().toString().substring(0, 8) + ".events";

  private static LocalStack stack;
  private static ObjectStoreServer s3;
  private static ConfigurableApplicationContext consumers;
  private static BackupStore store;
  private static Admin admin;
  private static EventFeed feed;
  private static final List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    stack = LocalStack.shared();
    s3 = new ObjectStoreServer(Files.createTempDirectory("archive-test-s3"), freePort());
    s3.start();
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
    feed = new EventFeed(stack);
    Map<String, Object> settings = new HashMap<>();
    settings.put("digitaltowns.consumers.email.enabled", "false");
    settings.put("digitaltowns.consumers.backup.enabled", "true");
    settings.put("digitaltowns.backup.storage.endpoint", s3.endpoint());
    settings.put("digitaltowns.backup.storage.region", s3.region());
    settings.put("digitaltowns.backup.storage.bucket", BUCKET);
    settings.put("digitaltowns.backup.storage.key-id", s3.accessKey());
    settings.put("digitaltowns.backup.storage.app-key", s3.secretKey());
    settings.put("digitaltowns.backup.archive.max-records", "4");
    settings.put("digitaltowns.backup.archive.max-age", "1s");
    settings.put("digitaltowns.backup.archive.metadata-max-age", "1s");
    settings.put("digitaltowns.backup.archive.retry-backoff", "200ms");
    settings.put("digitaltowns.backup.archive.max-retry-backoff", "1s");
    consumers = RunningConsumers.start(stack, settings);
    store =
        BackupStore.connect(
            new BackupStorageSettings(
                s3.endpoint(), s3.region(), BUCKET, s3.accessKey(), s3.secretKey(), true));
  }

  @AfterAll
  static void stop() {
    if (consumers != null) {
      consumers.close();
    }
    if (feed != null) {
      feed.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (store != null) {
      store.close();
    }
    if (s3 != null) {
      s3.stop();
    }
  }

  @Test
  @Order(1)
  void
      every_record_is_archived_with_its_key_value_headers_and_timestamp_then_its_offset_is_committed()
          throws Exception {
    publish(10);

    await().atMost(DEADLINE).until(() -> committed().equals(ends()));
    List<ArchivedRecord> archived = archive();
    assertThat(archived).hasSize(sent.size());
    for (ArchivedRecord record : archived) {
      ProducerRecord<byte[], byte[]> original =
          sent.get(
              Integer.parseInt(
                  new String(record.value(), StandardCharsets.UTF_8).substring("value-".length())));
      assertThat(record.partition()).isEqualTo(original.partition());
      assertThat(record.key()).isEqualTo(original.key());
      assertThat(record.timestamp()).isEqualTo(original.timestamp());
      assertThat(record.headers()).hasSize(1);
      assertThat(record.headers().get(0).key()).isEqualTo("traceparent");
      assertThat(record.headers().get(0).value())
          .isEqualTo(original.headers().lastHeader("traceparent").value());
    }
    // at most 4 records a file: the names say which offsets each holds
    List<ArchiveFileName> files = files();
    assertThat(files).allSatisfy(file -> assertThat(file.records()).isBetween(1L, 4L));
    assertThat(files).extracting(ArchiveFileName::topic).containsOnly(TOPIC);
    assertThat(
            consumers
                .getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .get("backup.archive.records")
                .functionCounter()
                .count())
        .isGreaterThanOrEqualTo(sent.size());
  }

  @Test
  @Order(2)
  void
      while_the_bucket_is_unreachable_no_offset_is_committed_and_after_it_returns_the_archive_has_no_gap()
          throws Exception {
    Map<TopicPartition, Long> before = committed();
    TopicArchiveRunner runner = consumers.getBean(TopicArchiveRunner.class);
    s3.stop();

    publish(9);

    await().atMost(DEADLINE).until(() -> runner.status().consecutiveFailures() > 0);
    assertThat(committed()).isEqualTo(before);
    assertThat(consumers.getBean(BackupHealthIndicator.class).health().getDetails())
        .containsEntry("archiveState", "uploads failing");

    s3.start();

    await().atMost(DEADLINE).until(() -> committed().equals(ends()));
    for (int partition = 0; partition < 2; partition++) {
      int p = partition;
      List<Long> offsets =
          archive().stream()
              .filter(record -> record.partition() == p)
              .map(ArchivedRecord::offset)
              .sorted()
              .toList();
      long end = ends().get(new TopicPartition(TOPIC, partition));
      assertThat(offsets)
          .as("partition " + partition + ": every offset once")
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, end).boxed().toList());
    }
    assertThat(runner.status().consecutiveFailures()).isZero();
  }

  @Test
  @Order(3)
  void the_nightly_snapshot_uploads_the_tables_with_a_manifest_of_versions_counts_and_checksum()
      throws Exception {
    SnapshotManifest manifest = consumers.getBean(NightlySnapshot.class).take();

    SnapshotManifest listed =
        new SnapshotCatalog(store, Clock.systemUTC()).find(manifest.id()).orElseThrow();
    assertThat(listed).isEqualTo(manifest);
    // this test database has only the consumers' migrations (the api's run in the api's tests and
    // the stack)
    assertThat(manifest.schemaVersions()).containsKey("consumers");
    assertThat(manifest.tables())
        .extracting(SnapshotManifest.Table::name)
        .contains("processed_events", "crm_contacts")
        .doesNotContain("flyway_consumers_history");
    assertThat(manifest.tables())
        .filteredOn(table -> table.name().equals("processed_events"))
        .singleElement()
        .satisfies(table -> assertThat(table.rows()).isEqualTo(processedEvents()));
    assertThat(manifest.dataSha256()).hasSize(64);
    assertThat(store.exists(manifest.dataObject())).isTrue();
  }

  private static long processedEvents() {
    return consumers
        .getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("SELECT count(*) FROM consumers.processed_events")
        .query(Long.class)
        .single();
  }

  private static void publish(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      int index = sent.size();
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(
              TOPIC,
              index % 2,
              System.currentTimeMillis() - index,
              ("key-" + index).getBytes(StandardCharsets.UTF_8),
              ("value-" + index).getBytes(StandardCharsets.UTF_8));
      record
          .headers()
          .add(
              "traceparent",
              ("00-" + UUID.randomUUID().toString().replace("-", "") + "-01")
                  .getBytes(StandardCharsets.UTF_8));
      feed.send(record);
      sent.add(record);
    }
  }

  private static List<ArchiveFileName> files() {
    return store.list(ArchiveFileName.topicPrefix(TOPIC)).stream()
        .map(StoredObject::key)
        .map(ArchiveFileName::parse)
        .flatMap(java.util.Optional::stream)
        .sorted(
            Comparator.comparingInt(ArchiveFileName::partition)
                .thenComparingLong(ArchiveFileName::firstOffset))
        .toList();
  }

  private static List<ArchivedRecord> archive() throws Exception {
    List<ArchivedRecord> records = new ArrayList<>();
    for (ArchiveFileName file : files()) {
      try (InputStream in = store.open(file.key())) {
        records.addAll(ArchiveFiles.read(in));
      }
    }
    return records;
  }

  private static Map<TopicPartition, Long> committed() throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> entry :
        admin
            .listConsumerGroupOffsets(TopicArchiveRunner.GROUP)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS)
            .entrySet()) {
      if (entry.getKey().topic().equals(TOPIC) && entry.getValue() != null) {
        offsets.put(entry.getKey(), entry.getValue().offset());
      }
    }
    return offsets;
  }

  private static Map<TopicPartition, Long> ends() throws Exception {
    Map<TopicPartition, OffsetSpec> latest =
        Map.of(
            new TopicPartition(TOPIC, 0),
            OffsetSpec.latest(),
            new TopicPartition(TOPIC, 1),
            OffsetSpec.latest());
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
