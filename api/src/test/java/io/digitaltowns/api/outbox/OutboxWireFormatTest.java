package io.digitaltowns.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.catalog.Envelope;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.events.wire.SubjectNaming;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox row of an event is what the relay puts on Kafka (value = payload, key = aggregate id,
 * headers from the columns): the row written for a UserRegistered with fixed envelope values must
 * equal, byte for byte, the one written before the typed catalog (issue 20) replaced the hand-set
 * envelopes and aggregate types. The fixture was recorded from the code as it was; only the schema
 * id (bytes 1-4 of the payload) depends on the registry a test runs against.
 */
class OutboxWireFormatTest extends ApiHttpTest {

  static final UUID EVENT_ID = UUID.fromString("0b9e3a52-6f1d-4c1e-9a57-2f0c8a6d4e11");
  static final UUID USER_ID = UUID.fromString("5d2c7e44-1a8b-4f3e-8c61-7b9d0e2f3a55");
  static final Instant OCCURRED_AT = Instant.parse("2026-12-07T23:00:00.123Z");
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Autowired OutboxWriter outbox;

  @Autowired TransactionTemplate transaction;

  @Autowired SchemaRegistryClient registry;

  @Test
  void a_user_registered_is_written_with_the_bytes_and_columns_it_had_before_the_typed_catalog()
      throws IOException {
    jdbc.sql("DELETE FROM outbox WHERE id = :id").param("id", EVENT_ID).update();
    transaction.executeWithoutResult(status -> writeFixedUserRegistered());

    Map<String, Object> row =
        jdbc.sql(
                """
            SELECT topic, aggregate_type, aggregate_id, event_type, trace_id, occurred_at, payload
            FROM outbox WHERE id = :id""")
            .param("id", EVENT_ID)
            .query()
            .singleRow();
    Properties fixture = fixture();
    // not in the recorded row: the relay derived it from aggregate_type (relay:
    // OutboxRecordWireFormatTest)
    assertThat(row.get("topic")).isEqualTo(Topics.ACCOUNTS.name());
    assertThat(row.get("aggregate_type")).isEqualTo(fixture.getProperty("aggregate_type"));
    assertThat(row.get("aggregate_id")).isEqualTo(fixture.getProperty("aggregate_id"));
    assertThat(row.get("event_type")).isEqualTo(fixture.getProperty("event_type"));
    assertThat(row.get("trace_id")).isEqualTo(fixture.getProperty("trace_id"));
    assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant())
        .isEqualTo(Instant.parse(fixture.getProperty("occurred_at")));

    byte[] payload = (byte[]) row.get("payload");
    byte[] recorded = HexFormat.of().parseHex(fixture.getProperty("payload_after_schema_id"));
    assertThat(payload[0]).as("Confluent magic byte").isZero();
    assertThat(ByteBuffer.wrap(payload, 1, 4).getInt())
        .isEqualTo(
            registry.register(
                SubjectNaming.subjectFor(UserRegistered.getClassSchema()),
                UserRegistered.getClassSchema()));
    assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(payload, 5, payload.length)))
        .isEqualTo(HexFormat.of().formatHex(recorded));
    jdbc.sql("DELETE FROM outbox WHERE id = :id").param("id", EVENT_ID).update();
  }

  private void writeFixedUserRegistered() {
    outbox.write(
        new Envelope(EVENT_ID.toString(), OCCURRED_AT, USER_ID.toString(), TRACE_ID),
        UserRegistered.newBuilder()
            .setEmail("fixture@example.org")
            .setDisplayName("Fixture Person")
            .setSignupMethod(SignupMethod.PASSWORD));
  }

  private static Properties fixture() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        OutboxWireFormatTest.class.getResourceAsStream("user-registered.outbox-row.properties")) {
      assertThat(in).as("fixture user-registered.outbox-row.properties").isNotNull();
      properties.load(in);
    }
    return properties;
  }
}
