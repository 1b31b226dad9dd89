package io.digitaltowns.relay.engine;

/**
 * One way of moving outbox rows to Kafka (a {@link io.digitaltowns.relay.RelayMode}), run while
 * this instance leads.
 */
public interface OutboxStream {

  /**
   * Relays until {@code control} says to stop, confirming a batch (offset, delete) only after
   * {@code sender} returned for it.
   *
   * @throws Exception when relaying failed (Kafka or the database unavailable); the relay restarts
   *     it after a pause, and everything not confirmed is relayed again
   */
  void relay(OutboxSender sender, RelayControl control) throws Exception;
}
