package io.digitaltowns.platform.deadletters;

import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Which records of one dead-letter partition were redriven, kept as the tool's own consumer group
 * offset on that partition, so that each record is sent back once. The committed offset is a
 * watermark: everything below it was redriven (by {@code --all}). Records redriven one by one above
 * the watermark are listed in the commit's metadata ({@code redriven=5,7-9}); the watermark moves
 * over them once they are contiguous with it.
 */
public final class RedriveLedger {

  private static final String PREFIX = "redriven=";

  /** Kafka's default offset.metadata.max.bytes is 4096. */
  private static final int MAX_METADATA = 4000;

  private long watermark;
  private final NavigableSet<Long> singles = new TreeSet<>();

  private RedriveLedger(long watermark) {
    this.watermark = watermark;
  }

  public static RedriveLedger from(OffsetAndMetadata committed) {
    if (committed == null) {
      return new RedriveLedger(0);
    }
    RedriveLedger ledger = new RedriveLedger(committed.offset());
    String metadata = committed.metadata();
    if (metadata != null && metadata.startsWith(PREFIX) && metadata.length() > PREFIX.length()) {
      for (String range : metadata.substring(PREFIX.length()).split(",")) {
        int dash = range.indexOf('-');
        long first = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
        long last = dash < 0 ? first : Long.parseLong(range.substring(dash + 1));
        for (long offset = first; offset <= last; offset++) {
          ledger.singles.add(offset);
        }
      }
    }
    return ledger;
  }

  public long watermark() {
    return watermark;
  }

  public boolean isRedriven(long offset) {
    return offset < watermark || singles.contains(offset);
  }

  /** How many of the offsets in [from, to) are redriven. */
  public long redrivenBetween(long from, long to) {
    long belowWatermark = Math.max(0, Math.min(watermark, to) - from);
    return belowWatermark + singles.subSet(Math.max(from, watermark), true, to, false).size();
  }

  public void markRedriven(long offset) {
    if (offset >= watermark) {
      singles.add(offset);
      compact();
    }
  }

  /** Everything below {@code offset} is done. */
  public void advanceTo(long offset) {
    if (offset > watermark) {
      watermark = offset;
      compact();
    }
  }

  public OffsetAndMetadata toOffsetAndMetadata() {
    String metadata = singles.isEmpty() ? "" : PREFIX + ranges();
    if (metadata.length() > MAX_METADATA) {
      throw new IllegalStateException(
          "too many records redriven one by one above offset "
              + watermark
              + " to remember; redrive the partition with --all");
    }
    return new OffsetAndMetadata(watermark, metadata);
  }

  private void compact() {
    singles.headSet(watermark, false).clear();
    while (singles.remove(watermark)) {
      watermark++;
    }
  }

  private String ranges() {
    StringBuilder text = new StringBuilder();
    Iterator<Long> offsets = singles.iterator();
    long first = offsets.next();
    long last = first;
    while (offsets.hasNext()) {
      long next = offsets.next();
      if (next == last + 1) {
        last = next;
        continue;
      }
      appendRange(text, first, last);
      first = next;
      last = next;
    }
    appendRange(text, first, last);
    return text.toString();
  }

  private static void appendRange(StringBuilder text, long first, long last) {
    if (text.length() > 0) {
      text.append(',');
    }
    text.append(first);
    if (last > first) {
      text.append('-').append(last);
    }
  }
}
