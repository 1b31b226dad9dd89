package io.digitaltowns.platform.deadletters;

/**
 * A dead-letter topic, partition or offset that is not there (never written, or deleted by
 * retention or purge).
 */
public class NoSuchDeadLetterException extends IllegalArgumentException {

  public NoSuchDeadLetterException(String message) {
    super(message);
  }
}
