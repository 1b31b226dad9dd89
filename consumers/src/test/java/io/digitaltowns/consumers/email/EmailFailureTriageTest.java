package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.consumers.events.PermanentFailureException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailSendException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Issue 16, finding 4: only outages are retried in place; a handler failing on the record is the
 * record's failure.
 */
class EmailFailureTriageTest {

  @Test
  void smtp_database_and_transaction_outages_stay_outages() {
    for (RuntimeException outage :
        new RuntimeException[] {
          new MailSendException("Mail server connection failed"),
          new DataAccessResourceFailureException("database down"),
          new CannotCreateTransactionException("no connection")
        }) {
      assertThat(EmailFailureTriage.triaged(outage)).isSameAs(outage);
    }
  }

  @Test
  void
      a_handler_failing_on_what_the_event_holds_is_a_failure_of_the_record_that_does_not_quote_it() {
    RuntimeException bug = new IllegalArgumentException("cannot render owner@example.org");

    RuntimeException triaged = EmailFailureTriage.triaged(bug);

    assertThat(triaged)
        .isInstanceOf(PermanentFailureException.class)
        .hasCause(bug)
        .hasMessageContaining("IllegalArgumentException")
        .hasMessageNotContaining("owner@example.org");
    PermanentFailureException sorted = new PermanentFailureException("recipient refused", null);
    assertThat(EmailFailureTriage.triaged(sorted)).isSameAs(sorted);
  }
}
