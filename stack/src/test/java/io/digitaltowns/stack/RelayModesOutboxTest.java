package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.relay.RelayMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What either relay mode makes of outbox rows written straight into the table, in transactions the
 * test holds open: the same Kafka record bytes, no late-committing row lost, one aggregate's events
 * in commit order.
 */
class RelayModesOutboxTest {

  /** A topic of this test only: no consumer group reads it. */
  private static final String AGGREGATE_TYPE = "relaytest";

  private static final String TOPIC = "dt." + AGGREGATE_TYPE + ".events";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private final LocalSystem system = SharedSystem.get();

  @BeforeAll
  static void create_the_test_topic() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedSystem.get().stack().kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  @AfterAll
  static void back_to_the_default_relay_mode() {
    SharedSystem.get().useRelayMode(RelayMode.DEBEZIUM);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RelayMode.class)
  void a_row_becomes_the_same_record_in_either_mode(RelayMode mode) throws Exception {
    system.useRelayMode(mode);
    UUID eventId = UUID.randomUUID();
    String aggregateId = UUID.randomUUID().toString();
    byte[] payload = {0, 0, 0, 0, 7, 2, (byte) 0xff, 0, 42, (byte) 0x80};
    try (Connection connection = connect()) {
      insert(connection, eventId, aggregateId, payload);
    }

    ConsumerRecord<byte[], byte[]> record = awaitRecords(List.of(eventId)).get(0);

    assertThat(record.topic()).isEqualTo(TOPIC);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(aggregateId);
    assertThat(record.value()).isEqualTo(payload);
    assertThat(
            StreamSupport.stream(record.headers().spliterator(), false)
                .map(
                    header ->
                        header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8)))
        .containsExactly(
            "eventId=" + eventId,
            "eventType=RelayProbe",
            "traceparent=00-"
                + TRACE_ID
                + "-"
                + eventId.toString().replace("-", "").substring(0, 16)
                + "-01");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RelayMode.class)
  void a_row_committed_late_is_relayed_and_its_aggregate_stays_in_commit_order(RelayMode mode)
      throws Exception {
    system.useRelayMode(mode);
    String aggregate = UUID.randomUUID().toString();
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    try (Connection late = connect();
        Connection next = connect();
        Connection meanwhile = connect()) {
      late.setAutoCommit(false);
      insert(late, first, aggregate, new byte[] {1});

      // a row of another aggregate, written and committed after it: relayed while the first is
      // still invisible
      insert(meanwhile, other, UUID.randomUUID().toString(), new byte[] {3});
      awaitRecords(List.of(other));

      // a second event of the same aggregate waits for the first transaction to end before it takes
      // its place
      next.setAutoCommit(false);
      int nextPid = pid(next);
      CompletableFuture<Void> written =
          CompletableFuture.runAsync(
              () -> {
                try {
                  insert(next, second, aggregate, new byte[] {2});
                  next.commit();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock(meanwhile, nextPid));

      late.commit();
      written.get();
    }

    List<ConsumerRecord<byte[], byte[]>> records = awaitRecords(List.of(first, second));
    assertThat(records)
        .extracting(RelayModesOutboxTest::eventId)
        .containsExactly(first.toString(), second.toString());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(RelayMode.class)
  void the_relays_health_shows_what_its_mode_depends_on(RelayMode mode) throws Exception {
    system.useRelayMode(mode);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(system.relayUrl() + "/actuator/health/relay")).build();

    String health =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> http.send(request, HttpResponse.BodyHandlers.ofString()).body(),
                body -> body.contains("\"role\":\"active\""));

    assertThat(health).contains("\"status\":\"UP\"");
    if (mode == RelayMode.POLLING) {
      // the shared system started in Debezium mode: its slot is still there, keeping WAL, and the
      // health says so
      assertThat(health)
          .contains("\"mode\":\"polling\"")
          .contains("\"outboxRows\":")
          .contains("\"unusedSlot\":\"dt_outbox_relay keeps");
    } else {
      assertThat(health).contains("\"slot\":\"dt_outbox_relay\"").contains("\"lagBytes\":");
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> awaitRecords(List<UUID> eventIds) {
    List<String> wanted = eventIds.stream().map(UUID::toString).toList();
    try (TopicReader reader = new TopicReader(system.stack().kafkaBootstrapServers(), TOPIC)) {
      return await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> reader.poll().stream().filter(r -> wanted.contains(eventId(r))).toList(),
              found ->
                  found.stream().map(RelayModesOutboxTest::eventId).distinct().count()
                      == wanted.size());
    }
  }

  private static String eventId(ConsumerRecord<byte[], byte[]> record) {
    Header header = record.headers().lastHeader("eventId");
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        system.stack().jdbcUrl(), system.stack().databaseUser(), system.stack().databasePassword());
  }

  private static void insert(
      Connection connection, UUID eventId, String aggregateId, byte[] payload) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            """
        INSERT INTO outbox (id, topic, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload)
        VALUES (?, ?, ?, ?, 'RelayProbe', ?, ?, ?)
        """)) {
      statement.setObject(1, eventId);
      statement.setString(2, TOPIC);
      statement.setString(3, AGGREGATE_TYPE);
      statement.setString(4, aggregateId);
      statement.setString(5, TRACE_ID);
      statement.setTimestamp(6, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
      statement.setBytes(7, payload);
      statement.executeUpdate();
    }
  }

  private static int pid(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getInt(1);
    }
  }

  private static boolean waitsForALock(Connection connection, int pid) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT count(*) FROM pg_locks WHERE pid = ? AND locktype = 'advisory' AND NOT granted")) {
      statement.setInt(1, pid);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1) > 0;
      }
    }
  }
}
