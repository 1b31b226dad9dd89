package io.digitaltowns.api.ops;

/**
 * Dead letters could not be read or one could not be sent back: Kafka is not configured for the web
 * service or did not answer in time, or the record cannot be redriven (no original topic in its
 * headers). The message says which, for a person; nothing was sent.
 */
public class DeadLetterException extends RuntimeException {

  DeadLetterException(String message, Throwable cause) {
    super(message, cause);
  }
}
