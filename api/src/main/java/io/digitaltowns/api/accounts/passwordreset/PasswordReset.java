package io.digitaltowns.api.accounts.passwordreset;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.PasswordChanges;
import io.digitaltowns.api.accounts.links.EmailLinkTokenStore;
import io.digitaltowns.api.accounts.links.InvalidLinkException;
import io.digitaltowns.api.accounts.verification.AddressProofs;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.PasswordResetRequested;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgot password: a single-use, expiring link by mail, then a new password and every session
 * ended.
 */
@Service
public class PasswordReset {

  private final JdbcClient jdbc;
  private final EmailLinkTokenStore links;
  private final OutboxWriter events;
  private final PasswordChanges passwordChanges;
  private final AddressProofs addressProofs;

  PasswordReset(
      JdbcClient jdbc,
      EmailLinkTokenStore links,
      OutboxWriter events,
      PasswordChanges passwordChanges,
      AddressProofs addressProofs) {
    this.jdbc = jdbc;
    this.links = links;
    this.events = events;
    this.passwordChanges = passwordChanges;
    this.addressProofs = addressProofs;
  }

  /** Answers nothing either way, so it cannot be used to find out which addresses have accounts. */
  @Transactional
  public void request(EmailAddress email, String traceId) {
    jdbc.sql("SELECT id, email, display_name FROM users WHERE email = :email AND NOT suspended")
        .param("email", email.value())
        .query(
            (rs, n) ->
                new Account(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("display_name")))
        .optional()
        .ifPresent(
            account -> {
              links.discardUnused(account.id(), Purpose.RESET_PASSWORD);
              UUID eventId =
                  events.publish(
                      account.id(),
                      traceId,
                      PasswordResetRequested.newBuilder()
                          .setEmail(account.email())
                          .setDisplayName(account.displayName()));
              links.remember(account.id(), Purpose.RESET_PASSWORD, eventId);
            });
  }

  /**
   * Sets the new password and ends every session (access tokens at once, through the session
   * epoch). Whoever could read the mail could reset the password: the address is proven by its
   * owner, who also chose the password, so it is verified and may be made ADMIN when listed.
   */
  @Transactional
  public void complete(String token, String newPassword, String traceId) {
    UUID userId =
        links.consume(token, Purpose.RESET_PASSWORD).orElseThrow(InvalidLinkException::new);
    passwordChanges.change(userId, newPassword, PasswordChangeReason.RESET, traceId);
    String email =
        jdbc.sql("SELECT email FROM users WHERE id = :id")
            .param("id", userId)
            .query(String.class)
            .single();
    addressProofs.provenByOwner(userId, email, traceId);
  }

  private record Account(UUID id, String email, String displayName) {}
}
