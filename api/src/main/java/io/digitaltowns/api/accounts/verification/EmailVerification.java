package io.digitaltowns.api.accounts.verification;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.PasswordChanges;
import io.digitaltowns.api.accounts.links.EmailLinkTokenStore;
import io.digitaltowns.api.accounts.links.InvalidLinkException;
import io.digitaltowns.api.accounts.login.AccountSuspendedException;
import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.EmailVerificationRequested;
import io.digitaltowns.events.accounts.SignInMethod;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves an address through a single-use emailed link, and sends a new link when asked.
 *
 * <p>Whoever registered the address may not own it (anyone can type someone else's address), so
 * confirming makes the reader of the mail the sole holder of the account: they choose the password
 * (the registrant's stops working), every session and refresh token issued before ends, and only
 * then may the address be made ADMIN. The link itself only opens a page; confirming is a POST from
 * it, so a mail scanner that fetches links confirms nothing.
 */
@Service
public class EmailVerification {

  private final JdbcClient jdbc;
  private final EmailLinkTokenStore links;
  private final OutboxWriter events;
  private final PasswordChanges passwordChanges;
  private final AddressProofs addressProofs;
  private final Sessions sessions;

  EmailVerification(
      JdbcClient jdbc,
      EmailLinkTokenStore links,
      OutboxWriter events,
      PasswordChanges passwordChanges,
      AddressProofs addressProofs,
      Sessions sessions) {
    this.jdbc = jdbc;
    this.links = links;
    this.events = events;
    this.passwordChanges = passwordChanges;
    this.addressProofs = addressProofs;
    this.sessions = sessions;
  }

  /**
   * Confirms the address with the token from the link and the password its owner chooses, and signs
   * the owner in.
   *
   * @param password checked by the caller against {@link
   *     io.digitaltowns.api.accounts.ChosenPassword}
   * @return a new session for the owner, the only one the account has now
   * @throws InvalidLinkException when the token is unknown, used, expired or not a verification
   *     link
   * @throws AccountSuspendedException when an admin suspended the account (the link stays unused)
   */
  @Transactional
  public TokenPair confirm(String token, String password, String traceId) {
    UUID userId = links.consume(token, Purpose.VERIFY_EMAIL).orElseThrow(InvalidLinkException::new);
    boolean suspended =
        jdbc.sql("SELECT suspended FROM users WHERE id = :id FOR UPDATE")
            .param("id", userId)
            .query(Boolean.class)
            .single();
    if (suspended) {
      throw new AccountSuspendedException();
    }
    String email =
        passwordChanges.setByAddressOwner(userId, password); // ends every earlier session
    // proven address, password chosen by its owner: now it may become ADMIN
    addressProofs.provenByOwner(userId, email, traceId);
    return sessions.start(userId, email, true, SignInMethod.PASSWORD, traceId);
  }

  /**
   * Answers nothing either way, so it cannot be used to find out which addresses have accounts.
   *
   * @throws io.digitaltowns.api.accounts.InvalidEmailAddressException (400) for a look-alike or
   *     malformed address
   */
  @Transactional
  public void resend(String email, String traceId) {
    jdbc.sql(
            "SELECT id, email, display_name FROM users WHERE email = :email AND NOT email_verified")
        .param("email", EmailAddress.parse(email).value())
        .query(
            (rs, n) ->
                new Unverified(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("display_name")))
        .optional()
        .ifPresent(
            user -> {
              links.discardUnused(user.id(), Purpose.VERIFY_EMAIL);
              UUID eventId =
                  events.publish(
                      user.id(),
                      traceId,
                      EmailVerificationRequested.newBuilder()
                          .setEmail(user.email())
                          .setDisplayName(user.displayName()));
              links.remember(user.id(), Purpose.VERIFY_EMAIL, eventId);
            });
  }

  private record Unverified(UUID id, String email, String displayName) {}
}
