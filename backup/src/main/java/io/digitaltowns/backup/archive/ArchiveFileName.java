package io.digitaltowns.backup.archive;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the archive keeps the records of one partition from one offset to another, all written the
 * same (UTC) day: {@code
 * archive/<topic>/<yyyy-MM-dd>/<topic>-<partition>-<firstOffset>-<lastOffset>.jsonl.gz}. The same
 * records always get the same name, so uploading a file again after a crash replaces it rather than
 * adding a copy; overlapping files (a crash that cut the batch elsewhere) are found by their
 * offsets.
 */
public record ArchiveFileName(
    String topic, LocalDate date, int partition, long firstOffset, long lastOffset) {

  public static final String PREFIX = "archive/";
  private static final String SUFFIX = ".jsonl.gz";

  public ArchiveFileName {
    if (firstOffset < 0 || lastOffset < firstOffset) {
      throw new IllegalArgumentException(
          "offsets " + firstOffset + ".." + lastOffset + " are not a range");
    }
  }

  public static String topicPrefix(String topic) {
    return PREFIX + topic + "/";
  }

  public String key() {
    return topicPrefix(topic)
        + date
        + "/"
        + topic
        + "-"
        + partition
        + "-"
        + firstOffset
        + "-"
        + lastOffset
        + SUFFIX;
  }

  public long records() {
    return lastOffset - firstOffset + 1;
  }

  /**
   * The name of an archive file, or empty for any other object (topic names may contain dashes and
   * dots).
   */
  public static Optional<ArchiveFileName> parse(String key) {
    if (!key.startsWith(PREFIX) || !key.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String[] folders = key.substring(PREFIX.length()).split("/");
    if (folders.length != 3) {
      return Optional.empty();
    }
    String topic = folders[0];
    String file = folders[2].substring(0, folders[2].length() - SUFFIX.length());
    if (!file.startsWith(topic + "-")) {
      return Optional.empty();
    }
    String[] numbers = file.substring(topic.length() + 1).split("-");
    if (numbers.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ArchiveFileName(
              topic,
              LocalDate.parse(folders[1]),
              Integer.parseInt(numbers[0]),
              Long.parseLong(numbers[1]),
              Long.parseLong(numbers[2])));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
