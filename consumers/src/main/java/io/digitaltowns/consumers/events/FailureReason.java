package io.digitaltowns.consumers.events;

import io.digitaltowns.events.wire.UndecodableEventException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Why a record failed, in words fit for a log line and a dead-letter header: one line, bounded.
 *
 * <p>Only the project's own failure messages are quoted ({@link PermanentFailureException}, {@link
 * UndecodableEventException}): they are written to name the kind of failure and the event id, never
 * an address, a token or a message body. Any other failure is named by its class only: a library's
 * message may quote what it was given (Jakarta Mail quotes the address it refused, a server's reply
 * echoes the recipient).
 */
public final class FailureReason {

  /**
   * The dead-letter header that says why the record is there (beside Spring's {@code kafka_dlt-*}
   * headers).
   */
  public static final String HEADER = "dt-failure-reason";

  private static final int MAX_LENGTH = 300;

  private FailureReason() {}

  /**
   * @param failure as the listener container hands it over (usually wrapped in
   *     ListenerExecutionFailedException)
   */
  public static String of(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof PermanentFailureException || cause instanceof UndecodableEventException) {
      return oneLine(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return cause.getClass().getSimpleName()
        + (root == cause ? "" : " caused by " + root.getClass().getSimpleName());
  }

  /** Whether the failure belongs to the record: retrying it can never help. */
  static boolean ofTheRecord(Throwable failure) {
    Throwable cause = unwrap(failure);
    return cause instanceof PermanentFailureException || cause instanceof UndecodableEventException;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof ListenerExecutionFailedException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String oneLine(String text) {
    // a line break (or any control character) in a message would start a forged line in a
    // plain-text log
    String line = text.replaceAll("\\p{Cntrl}", " ");
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
  }
}
