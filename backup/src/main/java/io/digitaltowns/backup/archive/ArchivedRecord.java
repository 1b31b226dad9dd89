package io.digitaltowns.backup.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One Kafka record as the archive keeps it: everything needed to produce it again (key, value and
 * headers as bytes, the timestamp) and where it was (partition, offset). In the files, byte arrays
 * are base64.
 */
public record ArchivedRecord(
    int partition,
    long offset,
    long timestamp,
    String timestampType,
    byte[] key,
    byte[] value,
    List<Header> headers) {

  public ArchivedRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** Bytes it takes, roughly: what decides when a file is full. */
  long weight() {
    long weight = 64 + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    for (Header header : headers) {
      weight += header.key().length() + (header.value() == null ? 0 : header.value().length);
    }
    return weight;
  }

  /** Same record: byte arrays compared by content. */
  public boolean sameAs(ArchivedRecord other) {
    return equalsIgnoringPlace(other) && partition == other.partition && offset == other.offset;
  }

  /**
   * Same key, value, headers and timestamp, wherever it sits: a restored record is the archived
   * one.
   */
  public boolean equalsIgnoringPlace(ArchivedRecord other) {
    if (timestamp != other.timestamp
        || !Arrays.equals(key, other.key)
        || !Arrays.equals(value, other.value)
        || headers.size() != other.headers.size()) {
      return false;
    }
    for (int i = 0; i < headers.size(); i++) {
      if (!headers.get(i).sameAs(other.headers.get(i))) {
        return false;
      }
    }
    return true;
  }

  public record Header(String key, byte[] value) {
    public boolean sameAs(Header other) {
      return Objects.equals(key, other.key) && Arrays.equals(value, other.value);
    }
  }
}
