package io.digitaltowns.api.accounts;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.PasswordChanged;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets a new password, ends every session, and tells the owner by mail (through PasswordChanged).
 */
@Service
public class PasswordChanges {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  private final OutboxWriter events;

  PasswordChanges(
      JdbcClient jdbc, PasswordEncoder passwords, Sessions sessions, OutboxWriter events) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.sessions = sessions;
    this.events = events;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void change(UUID userId, String newPassword, PasswordChangeReason reason, String traceId) {
    Owner owner = replace(userId, newPassword);
    events.publish(
        userId,
        traceId,
        PasswordChanged.newBuilder()
            .setEmail(owner.email())
            .setDisplayName(owner.displayName())
            .setReason(reason));
  }

  /**
   * The password chosen while confirming the address: the first one its owner set, so no "your
   * password was changed" notice; whatever password the registrant set stops working, and every
   * session ends.
   *
   * @return the account's address
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String setByAddressOwner(UUID userId, String password) {
    return replace(userId, password).email();
  }

  private Owner replace(UUID userId, String newPassword) {
    Owner owner =
        jdbc.sql(
                """
            UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id RETURNING email, display_name
            """)
            .param("hash", passwords.encode(newPassword))
            .param("id", userId)
            .query((rs, n) -> new Owner(rs.getString("email"), rs.getString("display_name")))
            .single();
    sessions.endAll(userId);
    return owner;
  }

  private record Owner(String email, String displayName) {}
}
