package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.events.PermanentFailureException;
import io.digitaltowns.events.wire.SchemaRegistryException;
import io.digitaltowns.events.wire.UndecodableEventException;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.transaction.TransactionException;

/**
 * Which failures of the email group are worth a retry in place: outages only. A retry holds up
 * every record behind it on the partition (issue 16, finding 4), which is right while the SMTP
 * server, the database or the schema registry is away (the records behind would fail alike) and
 * wrong for a failure of the record itself.
 *
 * <p>{@link SmtpMailSender} already turned what SMTP said about the record (its address, a 5xx
 * refusal) into a {@link PermanentFailureException}; a {@link MailException} left is the server's.
 * Anything that is neither an outage nor already sorted (a handler failing on what the event holds:
 * a missing field, a value it cannot render) fails the same way on every retry: it becomes a
 * failure of the record, dead-lettered at once, and can be redriven once the handler is fixed.
 */
final class EmailFailureTriage {

  private EmailFailureTriage() {}

  static RuntimeException triaged(RuntimeException failure) {
    if (failure instanceof PermanentFailureException
        || failure instanceof UndecodableEventException
        || failure instanceof MailException
        || failure instanceof DataAccessException
        || failure instanceof TransactionException
        || failure instanceof SchemaRegistryException) {
      return failure;
    }
    // the class only: a library's message may quote what the event held
    return new PermanentFailureException(
        "email handler failed on the record ("
            + failure.getClass().getSimpleName()
            + "): not an outage, not retried",
        failure);
  }
}
