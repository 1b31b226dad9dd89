package io.digitaltowns.relay.engine;

/** Stops the engine; the relay restarts it from its last committed offset. */
public class RelayFailedException extends RuntimeException {

  public RelayFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
