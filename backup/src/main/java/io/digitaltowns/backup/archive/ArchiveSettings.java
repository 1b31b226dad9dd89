package io.digitaltowns.backup.archive;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the archiver reads and when it writes a file.
 *
 * @param topics topics to archive (whole-name regex), e.g. {@code dt\..*}
 * @param excludedTopics topics left out although they match {@code topics}, e.g. dead letters and
 *     derived topics
 * @param maxRecords a partition's file is written once it holds this many records...
 * @param maxBytes ...or about this many bytes (uncompressed)...
 * @param maxAge ...or its first record has waited this long
 * @param retryBackoff first wait after a failed upload (doubling up to {@code maxRetryBackoff})
 * @param maxRetryBackoff longest wait between upload attempts
 */
public record ArchiveSettings(
    Pattern topics,
    Pattern excludedTopics,
    int maxRecords,
    long maxBytes,
    Duration maxAge,
    Duration retryBackoff,
    Duration maxRetryBackoff) {

  public ArchiveSettings {
    if (maxRecords < 1 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "an archive file must be allowed at least one record and one byte");
    }
    if (maxAge.isNegative()
        || maxAge.isZero()
        || retryBackoff.isNegative()
        || retryBackoff.isZero()
        || maxRetryBackoff.compareTo(retryBackoff) < 0) {
      throw new IllegalArgumentException(
          "archive flush age and retry backoff must be positive, max >= first");
    }
  }

  /** One pattern for the consumer's subscription: {@code topics} but not {@code excludedTopics}. */
  public Pattern subscription() {
    String excluded =
        excludedTopics == null || excludedTopics.pattern().isEmpty()
            ? null
            : excludedTopics.pattern();
    return Pattern.compile(
        excluded == null
            ? topics.pattern()
            : "(?!(?:" + excluded + ")$)(?:" + topics.pattern() + ")");
  }
}
