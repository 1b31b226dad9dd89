package io.digitaltowns.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.archive.ArchiveFiles;
import io.digitaltowns.backup.archive.ArchiveSettings;
import io.digitaltowns.backup.archive.ArchivedRecord;
import io.digitaltowns.backup.archive.TopicArchiver;
import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A topic archived by the backup group's archiver, deleted, and rebuilt by {@code ops backup
 * restore-topic}: every record comes back to its partition, in order, with its key, value, headers
 * and timestamp.
 */
class TopicRestoreTest {

  /**
   * Recent days: older records would be deleted by the topic's time retention (7 days) as soon as
   * written.
   */
  private static final LocalDate FIRST_DAY = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);

  private static final LocalDate SECOND_DAY = FIRST_DAY.plusDays(1);
  private static final Instant DAY_ONE =
      FIRST_DAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
  private static final Instant DAY_TWO =
      SECOND_DAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int PARTITIONS = 3;

  private final String topic =
      "dt.opsrestore" + UUID.randomUUID().toString().substring(0, 8) + ".events";
  private final String group = "backup-test-" + UUID.randomUUID().toString().substring(0, 8);
  private BackupBucket bucket;
  private Admin admin;
  private Map<Integer, List<ArchivedRecord>> original;

  @BeforeEach
  void archiveATopicOverTwoDays() throws Exception {
    bucket = new BackupBucket();
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Ops.stack().kafkaBootstrapServers()));
    admin
        .createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Ops.stack().kafkaBootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (int i = 0; i < 30; i++) {
        Instant day = i < 18 ? DAY_ONE : DAY_TWO;
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(
                topic,
                i % PARTITIONS,
                day.plusSeconds(i).toEpochMilli(),
                i % 5 == 0 ? null : ("aggregate-" + i).getBytes(StandardCharsets.UTF_8),
                ("{\"n\":" + i + ",\"bytes\":\"\u00e4\u0000\"}").getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", ("Type" + i).getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", i % 3 == 0 ? null : new byte[] {0, 1, (byte) 255});
        producer.send(record).get();
      }
    }
    original = readTopic(topic);
    archive();
  }

  @AfterEach
  void close() {
    admin.close();
    bucket.store.close();
  }

  @Test
  void a_deleted_topic_is_rebuilt_from_the_archive_record_for_record() throws Exception {
    deleteTopic(topic);

    Ops.Run restore = Ops.kafka(bucket.command("backup", "restore-topic", topic));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);
    assertThat(restore.out()).contains("30 records produced to " + topic);
    assertSameRecords(readTopic(topic), original);
  }

  @Test
  void a_file_uploaded_twice_with_other_boundaries_is_restored_once() throws Exception {
    // what a crash between upload and commit leaves: the same offsets in a second, overlapping file
    List<ArchivedRecord> again = original.get(0).subList(1, 4);
    Path file = Files.createTempFile("overlap", ".jsonl.gz");
    ArchiveFiles.write(again, file);
    bucket.store.upload(
        new ArchiveFileName(topic, FIRST_DAY, 0, again.get(0).offset(), again.get(2).offset())
            .key(),
        file);
    deleteTopic(topic);

    Ops.Run dryRun = Ops.kafka(bucket.command("backup", "restore-topic", topic, "--dry-run"));
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(OpsExit.OK);
    assertThat(dryRun.out())
        .contains("HELD TWICE")
        .contains("would be created")
        .contains("Dry run: nothing produced");
    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);

    Ops.Run restore = Ops.kafka(bucket.command("backup", "restore-topic", topic));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);
    assertSameRecords(readTopic(topic), original);
  }

  @Test
  void one_day_is_replayed_into_another_topic_beyond_the_original_topic() throws Exception {
    String replay = topic + ".replay";

    Ops.Run restore =
        Ops.kafka(
            bucket.command(
                "backup",
                "restore-topic",
                topic,
                "--from",
                SECOND_DAY.toString(),
                "--to",
                SECOND_DAY.toString(),
                "--to-topic",
                replay,
                "--topic-config",
                "retention.ms=-1"));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);
    assertThat(
            admin
                .describeConfigs(
                    List.of(
                        new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, replay)))
                .all()
                .get(30, TimeUnit.SECONDS)
                .values()
                .iterator()
                .next()
                .get("retention.ms")
                .value())
        .isEqualTo("-1");
    Map<Integer, List<ArchivedRecord>> dayTwo = new HashMap<>();
    original.forEach(
        (partition, records) ->
            dayTwo.put(
                partition,
                records.stream()
                    .filter(
                        record -> record.timestamp() >= DAY_TWO.minusSeconds(3600).toEpochMilli())
                    .toList()));
    assertThat(dayTwo.values().stream().mapToInt(List::size).sum()).isEqualTo(12);
    assertSameRecords(readTopic(replay), dayTwo);
  }

  @Test
  void a_topic_that_still_holds_records_is_refused_without_append() throws Exception {
    Ops.Run restore = Ops.kafka(bucket.command("backup", "restore-topic", topic));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.REFUSED);
    assertThat(restore.err()).contains("already holds 30 records").contains("Nothing was produced");
    assertThat(readTopic(topic).values().stream().mapToInt(List::size).sum()).isEqualTo(30);
  }

  @Test
  void records_kafka_does_not_acknowledge_fail_the_restore_instead_of_being_counted_as_produced()
      throws Exception {
    String refusing = topic + ".refusing";

    // a target that refuses records older than an hour (all of these): each send fails, as one
    // whose retries expire
    Ops.Run restore =
        Ops.kafka(
            bucket.command(
                "backup",
                "restore-topic",
                topic,
                "--to-topic",
                refusing,
                "--topic-config",
                "message.timestamp.before.max.ms=3600000"));

    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.FAILED);
    assertThat(restore.err())
        .contains("30 of 30 records were not acknowledged")
        .contains("incomplete restore");
    assertThat(restore.out()).doesNotContain("records produced");
  }

  /**
   * The backup group's archiver, on a group of its own, until every record is uploaded and
   * committed.
   */
  private void archive() throws Exception {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Ops.stack().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                // a pattern subscription sees a topic created a moment ago only with fresh metadata
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                1000),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    TopicArchiver archiver =
        new TopicArchiver(
            consumer,
            bucket.store,
            new ArchiveSettings(
                Pattern.compile(Pattern.quote(topic)),
                null,
                4,
                1_000_000,
                Duration.ofMillis(200),
                Duration.ofMillis(200),
                Duration.ofSeconds(1)),
            Clock.systemUTC());
    Thread thread = new Thread(archiver, "test-archiver");
    thread.start();
    try {
      await().atMost(DEADLINE).until(() -> committed().equals(ends()));
    } finally {
      archiver.stop(Duration.ofSeconds(30));
    }
    assertThat(bucket.store.list(ArchiveFileName.topicPrefix(topic)))
        .extracting(object -> object.key())
        .anyMatch(key -> key.contains("/" + FIRST_DAY + "/"))
        .anyMatch(key -> key.contains("/" + SECOND_DAY + "/"));
  }

  private void deleteTopic(String name) throws Exception {
    admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
    await()
        .atMost(DEADLINE)
        .until(() -> !admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name));
  }

  private Map<TopicPartition, Long> committed() throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS)
        .entrySet()
        .stream()
        .filter(entry -> entry.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  private Map<TopicPartition, Long> ends() throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int partition = 0; partition < PARTITIONS; partition++) {
      latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  /** Every record of the topic, by partition, in offset order. */
  private static Map<Integer, List<ArchivedRecord>> readTopic(String name) {
    Map<Integer, List<ArchivedRecord>> records = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> reader =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Ops.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          reader.partitionsFor(name).stream()
              .map(info -> new TopicPartition(name, info.partition()))
              .toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
      await()
          .atMost(DEADLINE)
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                  List<ArchivedRecord.Header> headers = new ArrayList<>();
                  for (Header header : record.headers()) {
                    headers.add(new ArchivedRecord.Header(header.key(), header.value()));
                  }
                  records
                      .computeIfAbsent(record.partition(), ignored -> new ArrayList<>())
                      .add(
                          new ArchivedRecord(
                              record.partition(),
                              record.offset(),
                              record.timestamp(),
                              record.timestampType().name,
                              record.key(),
                              record.value(),
                              headers));
                }
                return partitions.stream()
                    .allMatch(partition -> reader.position(partition) >= ends.get(partition));
              });
    }
    return records;
  }

  private static void assertSameRecords(
      Map<Integer, List<ArchivedRecord>> actual, Map<Integer, List<ArchivedRecord>> expected) {
    Set<Integer> partitions =
        expected.entrySet().stream()
            .filter(entry -> !entry.getValue().isEmpty())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(partitions);
    for (int partition : partitions) {
      List<ArchivedRecord> got = actual.get(partition);
      List<ArchivedRecord> want = expected.get(partition);
      assertThat(got).as("partition " + partition).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(got.get(i).equalsIgnoringPlace(want.get(i)))
            .as(
                "partition "
                    + partition
                    + " record "
                    + i
                    + ": "
                    + got.get(i)
                    + " vs "
                    + want.get(i))
            .isTrue();
      }
    }
  }
}
