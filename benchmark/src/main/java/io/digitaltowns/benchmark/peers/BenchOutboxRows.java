package io.digitaltowns.benchmark.peers;

import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.wire.AvroEventSerializer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The benchmark's outbox rows: aggregate_type 'bench' (routed to dt.bench.events by the relay),
 * each payload a real {@link UserRegistered} in Confluent wire format from the api's serializer,
 * its display name padded so that the payload is {@link #PAYLOAD_TARGET_BYTES} long. Every peer is
 * fed the same rows, so the same bytes.
 */
public final class BenchOutboxRows {

  public static final int PAYLOAD_TARGET_BYTES = 1024;
  public static final String AGGREGATE_TYPE = "bench";

  /** The synthetic topic the rows name (the outbox's topic column, which the relay routes by). */
  public static final String TOPIC = "dt.bench.events";

  static final String INSERT_SQL =
      """
      INSERT INTO outbox (id, topic, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload)
      VALUES (?, 'dt.bench.events', 'bench', ?, 'UserRegistered', NULL, ?, ?)""";

  private final AvroEventSerializer serializer;
  private final String padding;
  private final int payloadBytes;

  public BenchOutboxRows(AvroEventSerializer serializer) {
    this.serializer = serializer;
    // The string's length prefix is a varint, so adding characters can add a byte to it: adjust a
    // few times.
    String pad = "";
    int size = serializer.serialize(event(UUID.randomUUID(), pad)).length;
    for (int attempt = 0; attempt < 5 && size != PAYLOAD_TARGET_BYTES; attempt++) {
      pad = "x".repeat(Math.max(0, pad.length() + PAYLOAD_TARGET_BYTES - size));
      size = serializer.serialize(event(UUID.randomUUID(), pad)).length;
    }
    this.padding = pad;
    this.payloadBytes = size;
  }

  public int payloadBytes() {
    return payloadBytes;
  }

  /** Binds one row of {@link #INSERT_SQL} for this aggregate (= the Kafka record key). */
  void bind(PreparedStatement insert, UUID aggregate) throws SQLException {
    insert.setObject(1, UUID.randomUUID());
    insert.setString(2, aggregate.toString());
    insert.setTimestamp(3, Timestamp.from(Instant.now()));
    insert.setBytes(4, serializer.serialize(event(aggregate, padding)));
  }

  private static UserRegistered event(UUID aggregate, String padding) {
    return UserRegistered.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now())
        .setAggregateId(aggregate.toString())
        .setTraceId(null)
        .setEmail("bench-" + aggregate + "@example.org")
        .setDisplayName("Bench " + padding)
        .setSignupMethod(SignupMethod.PASSWORD)
        .build();
  }
}
