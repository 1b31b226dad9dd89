package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.infra.LocalStack;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The one case the running consumers in {@code BusinessMailsTest} (which have admins) cannot show.
 */
class ListingSubmittedEmailHandlerTest {

  private static final String SECRET = "a-test-email-link-secret-of-at-least-32-bytes";

  @Test
  void without_admin_addresses_a_submission_is_logged_once_and_nobody_is_mailed() {
    EmailProperties noAdmins =
        new EmailProperties(
            "DigitalTowns <no-reply@towns.example.org>",
            "https://towns.example.org",
            SECRET,
            List.of());
    RecordingMailSender smtp = new RecordingMailSender(LocalStack.shared());
    ListingSubmittedEmailHandler handler =
        new ListingSubmittedEmailHandler(
            new SmtpMailSender(smtp, noAdmins, new UnrecordedDeliveries()),
            new EmailLinks(new EmailLinkTokens(SECRET), noAdmins),
            noAdmins);
    String ownerEmail = "owner-" + UUID.randomUUID() + "@example.org";
    BusinessSubmitted submitted =
        BusinessSubmitted.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setAggregateId(UUID.randomUUID().toString())
            .setTownId(UUID.randomUUID().toString())
            .setName("Quiet Corner Café")
            .setCategory("CAFE")
            .setOwnerId(UUID.randomUUID().toString())
            .setOwnerEmail(ownerEmail)
            .setOwnerName("Olive")
            .build();

    List<String> logged;
    try (LogLines log = new LogLines()) {
      handler.handle(submitted);
      logged = log.linesAt(Level.INFO, ListingSubmittedEmailHandler.class);
    }

    assertThat(smtp.sent()).isEmpty();
    assertThat(logged)
        .singleElement()
        .asString()
        .contains(submitted.getEventId())
        .contains("ADMIN_EMAILS")
        .doesNotContain(ownerEmail);
  }
}
