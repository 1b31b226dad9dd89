package io.digitaltowns.events.wire;

/** The bytes can never be decoded, however often we retry: a poison record. */
public class UndecodableEventException extends RuntimeException {

  public UndecodableEventException(String message) {
    super(message);
  }
}
