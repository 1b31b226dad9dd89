package io.digitaltowns.ops.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record on a dead-letter topic, read through the headers Spring Kafka's DeadLetterPublishingRecoverer writes
 * ({@code kafka_dlt-original-topic}, {@code kafka_dlt-exception-message}, ...) and the event headers the relay
 * wrote on the original record ({@code eventType}, {@code eventId}), which the recoverer keeps.
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

  static final String DLT_HEADER_PREFIX = "kafka_dlt-";
  static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
  static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
  static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
  static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
  static final String EVENT_TYPE = "eventType";
  static final String EVENT_ID = "eventId";

  int partition() {
    return record.partition();
  }

  long offset() {
    return record.offset();
  }

  String position() {
    return record.partition() + ":" + record.offset();
  }

  Instant timestamp() {
    return Instant.ofEpochMilli(record.timestamp());
  }

  String originalTopic() {
    return text(ORIGINAL_TOPIC);
  }

  Integer originalPartition() {
    byte[] value = header(ORIGINAL_PARTITION);
    if (value == null) {
      return null;
    }
    return value.length == 4 ? ByteBuffer.wrap(value).getInt() : Integer.valueOf(utf8(value).trim());
  }

  Long originalOffset() {
    return longHeader(ORIGINAL_OFFSET);
  }

  Instant originalTimestamp() {
    Long millis = longHeader(ORIGINAL_TIMESTAMP);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  String originalGroup() {
    return text(ORIGINAL_CONSUMER_GROUP);
  }

  /** {@code dt.accounts.events 1@42}, or "-" when the headers do not say. */
  String original() {
    if (originalTopic() == null) {
      return "-";
    }
    Integer partition = originalPartition();
    Long offset = originalOffset();
    return originalTopic() + " " + (partition == null ? "?" : partition) + "@" + (offset == null ? "?" : offset);
  }

  String eventType() {
    return text(EVENT_TYPE);
  }

  String eventId() {
    return text(EVENT_ID);
  }

  String exceptionClass() {
    return text(EXCEPTION_FQCN);
  }

  String causeClass() {
    return text(EXCEPTION_CAUSE_FQCN);
  }

  String exceptionMessage() {
    return text(EXCEPTION_MESSAGE);
  }

  String stackTrace() {
    return text(EXCEPTION_STACKTRACE);
  }

  /** Why it was dead-lettered, on one line: the innermost exception class the headers name, and the message. */
  String reason() {
    String failure = causeClass() != null ? causeClass() : exceptionClass();
    String message = exceptionMessage();
    String simple = failure == null ? null : failure.substring(failure.lastIndexOf('.') + 1);
    String text = simple == null ? (message == null ? "-" : message)
        : message == null ? simple : simple + ": " + message;
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  /** The key as text when it is UTF-8 (aggregate ids are), else hex. */
  String keyText() {
    return record.key() == null ? "(null)" : printable(record.key());
  }

  /** The original record's headers: everything but the dead-letter ones. */
  Headers headersWithoutDeadLetterOnes() {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
        headers.add(header.key(), header.value());
      }
    }
    return headers;
  }

  static String printable(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      if (text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
        return text;
      }
    } catch (CharacterCodingException e) {
      // not text
    }
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  private Long longHeader(String name) {
    byte[] value = header(name);
    if (value == null) {
      return null;
    }
    return value.length == 8 ? ByteBuffer.wrap(value).getLong() : Long.valueOf(utf8(value).trim());
  }

  private String text(String name) {
    byte[] value = header(name);
    return value == null ? null : utf8(value);
  }

  private byte[] header(String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : header.value();
  }

  private static String utf8(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
