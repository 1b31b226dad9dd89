package io.digitaltowns.relay.engine;

/** Stops the engine; the relay restarts it from its last committed offset. */
class RelayFailedException extends RuntimeException {

  RelayFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
