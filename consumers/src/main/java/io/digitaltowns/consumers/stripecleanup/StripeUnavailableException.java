package io.digitaltowns.consumers.stripecleanup;

/**
 * Stripe did not take the call for a reason that may go away (429, 5xx, a network failure, a key
 * that is wrong or lacks a permission, a concurrent request with the same idempotency key): the
 * record is retried with the consumer's backoff, then dead-lettered.
 */
class StripeUnavailableException extends RuntimeException {

  StripeUnavailableException(String message) {
    super(message);
  }
}
