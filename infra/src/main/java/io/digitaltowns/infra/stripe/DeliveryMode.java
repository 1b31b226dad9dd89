package io.digitaltowns.infra.stripe;

/**
 * How the stand-in delivers the webhook events of one action (a checkout, a renewal, a
 * cancellation).
 */
public enum DeliveryMode {
  /** Each event once, in the order Stripe usually sends them. */
  IN_ORDER,
  /**
   * Each event twice, all in a random order, as Stripe allows (at-least-once, no ordering
   * guarantee): shows that the receiver's ledger converges to the same state.
   */
  SHUFFLED_TWICE
}
