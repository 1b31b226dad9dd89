package io.digitaltowns.api.accounts.verification;

import io.digitaltowns.api.accounts.AccountEvents;
import io.digitaltowns.api.accounts.AdminPromotion;
import io.digitaltowns.api.accounts.links.EmailLinkTokenStore;
import io.digitaltowns.api.accounts.links.InvalidLinkException;
import io.digitaltowns.events.accounts.EmailVerificationRequested;
import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Proves an address through a single-use emailed link, and sends a new link when asked. */
@Service
public class EmailVerification {

  private final JdbcClient jdbc;
  private final EmailLinkTokenStore links;
  private final AccountEvents events;
  private final AdminPromotion adminPromotion;

  EmailVerification(JdbcClient jdbc, EmailLinkTokenStore links, AccountEvents events, AdminPromotion adminPromotion) {
    this.jdbc = jdbc;
    this.links = links;
    this.events = events;
    this.adminPromotion = adminPromotion;
  }

  @Transactional
  public void verify(String token, String traceId) {
    UUID userId = links.consume(token, Purpose.VERIFY_EMAIL).orElseThrow(InvalidLinkException::new);
    String email = jdbc.sql("""
            UPDATE users SET email_verified = true, updated_at = now() WHERE id = :id AND NOT email_verified
            RETURNING email
            """)
        .param("id", userId).query(String.class).optional().orElse(null);
    if (email == null) {
      return; // verified already, through an earlier link
    }
    events.publish(userId, traceId, (eventId, occurredAt, aggregateId) -> EmailVerified.newBuilder()
        .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
        .setEmail(email).build());
    adminPromotion.promoteIfListed(userId, email, true, traceId);
  }

  /** Answers nothing either way, so it cannot be used to find out which addresses have accounts. */
  @Transactional
  public void resend(String email, String traceId) {
    jdbc.sql("SELECT id, email, display_name FROM users WHERE lower(email) = :email AND NOT email_verified")
        .param("email", email.trim().toLowerCase(Locale.ROOT))
        .query((rs, n) -> new Unverified(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name")))
        .optional()
        .ifPresent(user -> {
          links.discardUnused(user.id(), Purpose.VERIFY_EMAIL);
          UUID eventId = events.publish(user.id(), traceId, (id, occurredAt, aggregateId) ->
              EmailVerificationRequested.newBuilder()
                  .setEventId(id).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
                  .setEmail(user.email()).setDisplayName(user.displayName()).build());
          links.remember(user.id(), Purpose.VERIFY_EMAIL, eventId);
        });
  }

  private record Unverified(UUID id, String email, String displayName) {
  }
}
