package io.digitaltowns.consumers.crmsync;

/**
 * HubSpot did not take the call for a reason that may go away (429 rate limit, 5xx, network, an
 * invalid or revoked token): the record is retried with the consumer's backoff.
 */
class HubSpotUnavailableException extends RuntimeException {

  HubSpotUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
