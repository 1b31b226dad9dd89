package io.digitaltowns.platform.deadletters;

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
 * A record on a dead-letter topic, read through the headers Spring Kafka's
 * DeadLetterPublishingRecoverer writes ({@code kafka_dlt-original-topic}, {@code
 * kafka_dlt-exception-message}, ...) and the event headers the relay wrote on the original record
 * ({@code eventType}, {@code eventId}), which the recoverer keeps.
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

  public static final String DLT_HEADER_PREFIX = "kafka_dlt-";
  public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  public static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
  public static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
  public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  public static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
  public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  public static final String EXCEPTION_STACKTRACE = "kafka_dlt-exception-stacktrace";
  public static final String EVENT_TYPE = "eventType";
  public static final String EVENT_ID = "eventId";

  public int partition() {
    return record.partition();
  }

  public long offset() {
    return record.offset();
  }

  public String position() {
    return record.partition() + ":" + record.offset();
  }

  public Instant timestamp() {
    return Instant.ofEpochMilli(record.timestamp());
  }

  public String originalTopic() {
    return text(ORIGINAL_TOPIC);
  }

  public Integer originalPartition() {
    byte[] value = header(ORIGINAL_PARTITION);
    if (value == null) {
      return null;
    }
    return value.length == 4
        ? ByteBuffer.wrap(value).getInt()
        : Integer.valueOf(utf8(value).trim());
  }

  public Long originalOffset() {
    return longHeader(ORIGINAL_OFFSET);
  }

  public Instant originalTimestamp() {
    Long millis = longHeader(ORIGINAL_TIMESTAMP);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  public String originalGroup() {
    return text(ORIGINAL_CONSUMER_GROUP);
  }

  /** {@code dt.accounts.events 1@42}, or "-" when the headers do not say. */
  public String original() {
    if (originalTopic() == null) {
      return "-";
    }
    Integer partition = originalPartition();
    Long offset = originalOffset();
    return originalTopic()
        + " "
        + (partition == null ? "?" : partition)
        + "@"
        + (offset == null ? "?" : offset);
  }

  public String eventType() {
    return text(EVENT_TYPE);
  }

  public String eventId() {
    return text(EVENT_ID);
  }

  public String exceptionClass() {
    return text(EXCEPTION_FQCN);
  }

  public String causeClass() {
    return text(EXCEPTION_CAUSE_FQCN);
  }

  public String exceptionMessage() {
    return text(EXCEPTION_MESSAGE);
  }

  public String stackTrace() {
    return text(EXCEPTION_STACKTRACE);
  }

  /**
   * Why it was dead-lettered, on one line: the innermost exception class the headers name, and the
   * message.
   */
  public String reason() {
    String failure = causeClass() != null ? causeClass() : exceptionClass();
    String message = exceptionMessage();
    String simple = failure == null ? null : failure.substring(failure.lastIndexOf('.') + 1);
    String text =
        simple == null
            ? (message == null ? "-" : message)
            : message == null ? simple : simple + ": " + message;
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  /** The key as text when it is UTF-8 (aggregate ids are), else hex. */
  public String keyText() {
    return record.key() == null ? "(null)" : printable(record.key());
  }

  /** The original record's headers: everything but the dead-letter ones. */
  public Headers headersWithoutDeadLetterOnes() {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
        headers.add(header.key(), header.value());
      }
    }
    return headers;
  }

  public static String printable(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.chars()
          .noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
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
