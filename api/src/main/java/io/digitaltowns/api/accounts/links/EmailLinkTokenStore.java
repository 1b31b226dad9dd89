package io.digitaltowns.api.accounts.links;

import io.digitaltowns.api.accounts.tokens.TokenHash;
import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers the hash of the token the email consumer will put in the link for an event, and accepts
 * each token once, before it expires.
 */
@Component
public class EmailLinkTokenStore {

  private final JdbcClient jdbc;
  private final EmailLinkTokens tokens;
  private final EmailLinkProperties properties;

  EmailLinkTokenStore(JdbcClient jdbc, EmailLinkProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.tokens = new EmailLinkTokens(properties.secret());
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void remember(UUID userId, Purpose purpose, UUID eventId) {
    Instant expiresAt =
        Instant.now()
            .plus(
                purpose == Purpose.VERIFY_EMAIL
                    ? properties.verifyEmailTtl()
                    : properties.resetPasswordTtl());
    jdbc.sql(
            """
            INSERT INTO email_link_tokens (token_hash, user_id, purpose, expires_at)
            VALUES (:hash, :userId, :purpose, :expiresAt)
            """)
        .param("hash", TokenHash.of(tokens.tokenFor(purpose, eventId.toString())))
        .param("userId", userId)
        .param("purpose", purpose.name())
        .param("expiresAt", Timestamp.from(expiresAt))
        .update();
  }

  /**
   * @return the user the link was for, when the token is known, unused, unexpired and of this
   *     purpose
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<UUID> consume(String token, Purpose purpose) {
    return jdbc.sql(
            """
            UPDATE email_link_tokens SET used_at = now()
            WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
            RETURNING user_id
            """)
        .param("hash", TokenHash.of(token))
        .param("purpose", purpose.name())
        .query(UUID.class)
        .optional();
  }

  /** A new link makes the older ones of the same purpose useless. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void discardUnused(UUID userId, Purpose purpose) {
    jdbc.sql(
            "DELETE FROM email_link_tokens WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
        .param("userId", userId)
        .param("purpose", purpose.name())
        .update();
  }
}
