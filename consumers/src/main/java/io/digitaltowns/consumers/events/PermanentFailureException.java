package io.digitaltowns.consumers.events;

/** Retrying cannot help (a bad address, say): the record goes straight to the dead-letter topic. */
public class PermanentFailureException extends RuntimeException {

  public PermanentFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
