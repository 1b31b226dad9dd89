package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.snapshot.RelayState;
import io.digitaltowns.backup.snapshot.SnapshotCatalog;
import io.digitaltowns.backup.snapshot.SnapshotManifest;
import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.consumers.backup.BackupProperties;
import io.digitaltowns.ops.OpsCommand;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.relay.RelayProperties;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The backups restored the way docs/backup.md and the runbook tell an operator, against the system
 * as it runs: a database snapshot into an empty database that the api, the relay and the consumers
 * then run on, and a topic from the archive into a new topic that a reader knowing only Confluent's
 * wire format decodes.
 */
class BackupRestoreDrillTest {

  private static final String ACCOUNTS = "dt.accounts.events";
  private static final String WELCOME = "Welcome to DigitalTowns";

  /**
   * The groups that write to the database (processed_events, the CRM read model, the analytics
   * figures), and the analytics topology whose output the last of them reads.
   */
  private static final List<String> DATABASE_GROUPS =
      List.of("email", "crm", "photo-cleanup", "analytics", "analytics-sink");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Replication slots are the server's, not a database's: the old relay's slot is still there. */
  private static final String RESTORED_SLOT = "dt_outbox_relay_restored";

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());
  private final Admin admin =
      Admin.create(
          Map.of(
              AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers()));
  private LocalSystem restoredSystem;
  private String restoredDatabase;

  @AfterEach
  void backToTheSharedSystem() throws Exception {
    admin.close();
    if (restoredSystem != null) {
      restoredSystem.close();
      // an abandoned slot would keep the server's WAL for ever
      try (Connection connection = connect(null);
          Statement statement = connection.createStatement()) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  try (ResultSet active =
                      statement.executeQuery(
                          "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"
                              + RESTORED_SLOT
                              + "' AND active")) {
                    active.next();
                    return active.getLong(1) == 0;
                  }
                });
        statement.execute(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                + RESTORED_SLOT
                + "'");
        statement.execute("DROP DATABASE IF EXISTS " + restoredDatabase + " WITH (FORCE)");
      }
    }
    SharedSystem.running();
  }

  @Test
  void
      a_snapshot_restored_into_an_empty_database_runs_the_whole_system_again_and_mails_nothing_twice()
          throws Exception {
    // journeys: a resident registers, an owner gets a listing published
    String residentEmail = ApiClient.uniqueEmail("drill-resident");
    String residentId = api.register(residentEmail, "Drill Resident");
    awaitMail(residentEmail, WELCOME);
    String ownerEmail = ApiClient.uniqueEmail("drill-owner");
    String listing = publishAListing(ownerEmail);
    awaitMail(ownerEmail, "Your listing is live: " + listing);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> DATABASE_GROUPS.stream().allMatch(this::caughtUp));
    awaitNoTableChanging(); // so the original's row counts after the snapshot are those the
    // snapshot saw

    // the nightly snapshot, taken as the system runs
    Run snapshot =
        ops(
            "backup",
            "snapshot",
            "--database-url",
            system.stack().jdbcUrl(),
            "--database-user",
            system.stack().databaseUser(),
            "--database-password",
            system.stack().databasePassword());
    assertThat(snapshot.exitCode()).as(snapshot.toString()).isEqualTo(OpsExit.OK);
    String id = snapshot.out().substring("Snapshot ".length(), snapshot.out().indexOf(" of "));

    // the database is lost: the services that used it stop, the operator restores into a new, empty
    // one
    system.stopConsumers();
    system.stopRelay();
    Map<String, Long> mailsBefore = mailsPerRecipientAndSubject();
    long residentRecordsBefore = recordsKeyed(ACCOUNTS, residentId);
    restoredDatabase = "drill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection connection = connect(null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + restoredDatabase);
    }
    Run restore =
        ops(
            "backup",
            "restore-snapshot",
            id,
            "--database-url",
            jdbcUrl(restoredDatabase),
            "--database-user",
            system.stack().databaseUser(),
            "--database-password",
            system.stack().databasePassword());
    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);

    SnapshotManifest manifest;
    try (BackupStore store = backupStore()) {
      manifest = new SnapshotCatalog(store, Clock.systemUTC()).find(id).orElseThrow();
    }
    Map<String, Long> snapshotted =
        manifest.tables().stream()
            .collect(
                Collectors.toMap(
                    table -> table.schema() + "." + table.name(),
                    SnapshotManifest.Table::rows,
                    (a, b) -> a,
                    TreeMap::new));
    Map<String, Long> restored = rowCounts(restoredDatabase);
    Map<String, Long> original = rowCounts(null);
    assertThat(original.remove(RelayState.SCHEMA + "." + RelayState.OFFSETS_TABLE))
        .as("the relay's offsets")
        .isNotNull();
    assertThat(restored)
        .as("every table of the original but the relay's offsets, with as many rows")
        .isEqualTo(original);
    assertThat(restored).as("as the snapshot's manifest says").isEqualTo(snapshotted);
    assertThat(restored.get("public.users")).isGreaterThanOrEqualTo(2);
    assertThat(restored.get("consumers.processed_events")).isPositive();

    // the services started on the restored database: the relay afresh (new slot), the consumers
    // with their state
    Map<String, Object> settings = new HashMap<>(SharedSystem.SETTINGS);
    settings.put("digitaltowns.relay.slot-name", RESTORED_SLOT);
    restoredSystem = LocalSystem.start(system.stack(), jdbcUrl(restoredDatabase), settings);
    assertThat(restoredSystem.relay().getBean(RelayProperties.class).offsetsTable())
        .as("the table snapshots leave out is the relay's")
        .isEqualTo(RelayState.OFFSETS_TABLE);

    // the outbox rows restored were published again, and the restored processed_events made that
    // harmless
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> recordsKeyed(ACCOUNTS, residentId) > residentRecordsBefore);
    String newcomer = ApiClient.uniqueEmail("drill-newcomer");
    new ApiClient(restoredSystem.apiUrl()).register(newcomer, "Drill Newcomer");
    awaitMail(newcomer, WELCOME);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> DATABASE_GROUPS.stream().allMatch(this::caughtUp));

    assertThat(mailsTo(newcomer, WELCOME)).as("the newcomer's welcome").isEqualTo(1);
    Map<String, Long> mailsAfter = mailsPerRecipientAndSubject();
    mailsAfter.keySet().removeIf(recipientAndSubject -> recipientAndSubject.contains(newcomer));
    assertThat(mailsAfter)
        .as("nothing mailed before the loss is mailed again")
        .isEqualTo(mailsBefore);
  }

  @Test
  void
      an_archived_topic_is_listed_within_the_flush_age_and_restored_into_a_topic_a_confluent_reader_decodes()
          throws Exception {
    String email = ApiClient.uniqueEmail("archived");
    String userId = api.register(email, "Archived Reader");
    ConsumerRecord<byte[], byte[]> relayed =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> recordKeyed(ACCOUNTS, userId), Optional::isPresent)
            .orElseThrow();

    // the flush age the running backup group has; a few seconds more for its poll and the upload
    Duration flushAge = system.consumers().getBean(BackupProperties.class).archive().maxAge();
    assertThat(flushAge)
        .as("the local stack's archive flush age")
        .isLessThanOrEqualTo(Duration.ofSeconds(30));
    try (BackupStore store = backupStore()) {
      await()
          .atMost(flushAge.plusSeconds(10))
          .until(
              () ->
                  store.list(ArchiveFileName.topicPrefix(ACCOUNTS)).stream()
                      .map(object -> ArchiveFileName.parse(object.key()))
                      .flatMap(Optional::stream)
                      .anyMatch(
                          file ->
                              file.partition() == relayed.partition()
                                  && file.firstOffset() <= relayed.offset()
                                  && relayed.offset() <= file.lastOffset()));
    }
    Run list = ops("backup", "list", "--archive");
    assertThat(list.exitCode()).as(list.toString()).isEqualTo(OpsExit.OK);
    assertThat(list.out())
        .containsPattern("(?m)^" + ACCOUNTS.replace(".", "\\.") + " +\\d+")
        .containsPattern("(?m)^_schemas +\\d+");

    String target = "drill-restored-accounts-" + UUID.randomUUID().toString().substring(0, 8);
    Run restore =
        ops(
            "backup",
            "restore-topic",
            ACCOUNTS,
            "--to-topic",
            target,
            "--bootstrap-servers",
            system.stack().kafkaBootstrapServers());
    assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(OpsExit.OK);

    ConsumerRecord<byte[], byte[]> restored =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> recordKeyed(target, userId), Optional::isPresent)
            .orElseThrow();
    GenericRecord decoded =
        new ConfluentWireFormatReader(system.stack().schemaRegistryUrl()).read(restored.value());
    assertThat(decoded.getSchema().getName()).isEqualTo("UserRegistered");
    assertThat(decoded.get("email")).hasToString(email);
    assertThat(decoded.get("aggregateId")).hasToString(userId);
    assertThat(restored.timestamp()).as("the original timestamp").isEqualTo(relayed.timestamp());
    assertThat(restored.headers().toArray())
        .as("the original headers")
        .isEqualTo(relayed.headers().toArray());
  }

  /**
   * A third party's reader of Confluent's documented wire format (magic byte 0, the schema id as 4
   * bytes big-endian, Avro binary), with plain Avro and the registry's REST API: nothing of the
   * project's own deserializer.
   */
  private record ConfluentWireFormatReader(String registryUrl) {
    GenericRecord read(byte[] value) throws Exception {
      ByteBuffer buffer = ByteBuffer.wrap(value);
      assertThat(buffer.get()).as("magic byte").isZero();
      int schemaId = buffer.getInt();
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(registryUrl.replaceAll("/$", "") + "/schemas/ids/" + schemaId))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      Schema schema =
          new Schema.Parser().parse(JSON.readTree(response.body()).get("schema").asText());
      return new GenericDatumReader<GenericRecord>(schema)
          .read(
              null,
              DecoderFactory.get()
                  .binaryDecoder(value, buffer.position(), buffer.remaining(), null));
    }
  }

  private String publishAListing(String ownerEmail) {
    String adminToken = StackAdmin.token(system);
    String townSlug = "drill-" + UUID.randomUUID().toString().substring(0, 8);
    api.call(
        "POST",
        "/api/admin/towns",
        adminToken,
        JSON.createObjectNode()
            .put("name", "Drillton")
            .put("slug", townSlug)
            .put("timezone", "Europe/London"));
    String townId =
        ApiClient.read(api.get(system.apiUrl() + "/api/towns/" + townSlug).body())
            .get("id")
            .asText();
    api.register(ownerEmail, "Drill Owner");
    String owner = api.signIn(ownerEmail);
    String name = "Drillton Bakery " + UUID.randomUUID().toString().substring(0, 4);
    JsonNode created =
        ApiClient.read(
            api.call(
                    "POST",
                    "/api/businesses",
                    owner,
                    JSON.createObjectNode()
                        .put("townId", townId)
                        .put("name", name)
                        .put("category", "BAKERY")
                        .put("description", "Sourdough since 1920"))
                .body());
    String businessId = created.get("id").asText();
    api.call("POST", "/api/businesses/" + businessId + "/submit", owner, null);
    api.call("POST", "/api/admin/businesses/" + businessId + "/approve", adminToken, null);
    return name;
  }

  /**
   * Waits until two counts of every table's rows a few seconds apart agree: the consumers' last
   * writes are done.
   */
  private void awaitNoTableChanging() {
    List<Map<String, Long>> last = new ArrayList<>(List.of(Map.of()));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              Map<String, Long> now = rowCounts(null);
              now.remove(
                  RelayState.SCHEMA
                      + "."
                      + RelayState.OFFSETS_TABLE); // the relay's heartbeat rewrites it
              return now.equals(last.set(0, now));
            });
  }

  private void awaitMail(String to, String subject) {
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(to, subject) > 0);
  }

  private long mailsTo(String to, String subject) {
    return system.stack().mail().messages().stream()
        .filter(mail -> mail.subject().equals(subject))
        .filter(mail -> mail.to().stream().anyMatch(address -> address.contains(to)))
        .count();
  }

  private Map<String, Long> mailsPerRecipientAndSubject() {
    return system.stack().mail().messages().stream()
        .collect(
            Collectors.groupingBy(
                mail -> mail.to() + " " + mail.subject(), HashMap::new, Collectors.counting()));
  }

  /**
   * Whether the group has committed offsets and no record after them. A topic written in
   * transactions (the analytics topology's) ends with a commit marker no consumer commits past, so
   * a partition short of its end counts as read when a read-committed consumer finds no record
   * between the group's offset and the end.
   */
  private boolean caughtUp(String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest =
          committed.keySet().stream()
              .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, Long> behind = new HashMap<>();
      committed.forEach(
          (partition, offset) -> {
            if (offset != null && offset.offset() < ends.get(partition).offset()) {
              behind.put(partition, offset.offset());
            }
          });
      return !committed.isEmpty() && (behind.isEmpty() || onlyMarkersAfter(behind, ends));
    } catch (Exception e) {
      return false;
    }
  }

  private boolean onlyMarkersAfter(
      Map<TopicPartition, Long> offsets, Map<TopicPartition, ListOffsetsResultInfo> ends) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.stack().kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.assign(offsets.keySet());
      offsets.forEach(consumer::seek);
      for (int polls = 0; polls < 10; polls++) {
        if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
          return false;
        }
        if (offsets.keySet().stream()
            .allMatch(partition -> consumer.position(partition) >= ends.get(partition).offset())) {
          return true;
        }
      }
      return false;
    }
  }

  private long recordsKeyed(String topic, String key) throws Exception {
    return keyed(topic, key).size();
  }

  private Optional<ConsumerRecord<byte[], byte[]>> recordKeyed(String topic, String key)
      throws Exception {
    return keyed(topic, key).stream().findFirst();
  }

  /** The topic's records with the key, read from the beginning to the end it has now. */
  private List<ConsumerRecord<byte[], byte[]>> keyed(String topic, String key) throws Exception {
    try (TopicReader reader = new TopicReader(system.stack().kafkaBootstrapServers(), topic)) {
      long ends = endOffsets(topic);
      List<ConsumerRecord<byte[], byte[]>> seen = reader.poll();
      for (int polls = 0; seen.size() < ends && polls < 120; polls++) {
        seen = reader.poll();
      }
      return seen.stream()
          .filter(
              record ->
                  record.key() != null
                      && key.equals(new String(record.key(), StandardCharsets.UTF_8)))
          .toList();
    }
  }

  /**
   * Records in the topic (its partitions' end offsets summed; the domain topics are never
   * compacted).
   */
  private long endOffsets(String topic) throws Exception {
    var description =
        admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    Map<TopicPartition, OffsetSpec> latest =
        description.partitions().stream()
            .collect(
                Collectors.toMap(
                    partition -> new TopicPartition(topic, partition.partition()),
                    ignored -> OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
        .mapToLong(info -> info.offset())
        .sum();
  }

  /** Rows of every table of the api's and the consumers' schemas but Flyway's history, by table. */
  private Map<String, Long> rowCounts(String database) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                  + " WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'consumers')"
                  + " AND table_name NOT LIKE 'flyway%history' ORDER BY 1")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
          count.next();
          counts.put(table, count.getLong(1));
        }
      }
    }
    return counts;
  }

  private Connection connect(String database) throws Exception {
    return DriverManager.getConnection(
        database == null ? system.stack().jdbcUrl() : jdbcUrl(database),
        system.stack().databaseUser(),
        system.stack().databasePassword());
  }

  private String jdbcUrl(String database) {
    return system.stack().jdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
  }

  private BackupStore backupStore() {
    return BackupStore.connect(
        new BackupStorageSettings(
            system.stack().s3Endpoint(),
            system.stack().s3Region(),
            "digitaltowns-backups",
            system.stack().s3AccessKey(),
            system.stack().s3SecretKey(),
            true));
  }

  /**
   * The operator's tool, with the local bucket's address and key as the docs' `backup list` example
   * gives them.
   */
  private Run ops(String... args) {
    String[] command =
        Stream.concat(
                Arrays.stream(args),
                Stream.of(
                    "--backup-endpoint",
                    system.stack().s3Endpoint(),
                    "--backup-region",
                    system.stack().s3Region(),
                    "--backup-key-id",
                    system.stack().s3AccessKey(),
                    "--backup-app-key",
                    system.stack().s3SecretKey()))
            .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = OpsCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(command);
    return new Run(exitCode, out.toString(), err.toString());
  }

  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
