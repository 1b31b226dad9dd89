package io.digitaltowns.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.events.catalog.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The record the relay sends for an outbox row is the one it sent before the typed catalog (issue
 * 20) replaced the {@code dt.<aggregate_type>.events} convention: same topic, key, value bytes and
 * headers, in both relay modes (both turn the row into an {@link OutboxEvent} first).
 */
class OutboxRecordWireFormatTest {

  /** Any payload: the relay passes it through untouched. */
  private static final byte[] PAYLOAD = HexFormat.of().parseHex("0000000007483062396533613532");

  @Test
  void a_user_registered_row_becomes_the_record_it_was_before_the_typed_catalog()
      throws IOException {
    Properties fixture = fixture();
    // the row's topic column, which the api fills from the catalog (api: OutboxWireFormatTest)
    OutboxEvent row =
        new OutboxEvent(
            Topics.ACCOUNTS.name(),
            "0b9e3a52-6f1d-4c1e-9a57-2f0c8a6d4e11",
            "5d2c7e44-1a8b-4f3e-8c61-7b9d0e2f3a55",
            "UserRegistered",
            "4bf92f3577b34da6a3ce929d0e0e4736",
            Instant.parse("2026-12-07T23:00:00.123Z"),
            PAYLOAD);

    ProducerRecord<byte[], byte[]> record = row.toKafka();

    assertThat(record.topic()).isEqualTo(fixture.getProperty("topic"));
    assertThat(record.partition()).isNull();
    assertThat(new String(record.key(), StandardCharsets.UTF_8))
        .isEqualTo(fixture.getProperty("key"));
    assertThat(record.value()).isEqualTo(PAYLOAD);
    List<String> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    assertThat(headers)
        .containsExactly(
            "eventId=" + fixture.getProperty("header.1.eventId"),
            "eventType=" + fixture.getProperty("header.2.eventType"),
            "traceparent=" + fixture.getProperty("header.3.traceparent"));
  }

  private static Properties fixture() throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        OutboxRecordWireFormatTest.class.getResourceAsStream(
            "user-registered.kafka-record.properties")) {
      assertThat(in).isNotNull();
      properties.load(in);
    }
    return properties;
  }
}
