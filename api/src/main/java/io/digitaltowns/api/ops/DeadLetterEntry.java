package io.digitaltowns.api.ops;

import java.time.Instant;

/**
 * One dead-lettered record as an operator sees it.
 *
 * @param original where it came from: {@code dt.accounts.events 1@42}, or "-" when its headers do
 *     not say
 * @param eventType the event's type from its headers, or null
 * @param key the record key (an aggregate id) as text
 * @param reason why it failed, on one line
 * @param redriven whether it was sent back already (by the page or by {@code ops dlt redrive})
 */
public record DeadLetterEntry(
    String topic,
    int partition,
    long offset,
    Instant deadLetteredAt,
    String original,
    String eventType,
    String key,
    String reason,
    boolean redriven) {

  /** {@code 0:42} */
  public String position() {
    return partition + ":" + offset;
  }
}
