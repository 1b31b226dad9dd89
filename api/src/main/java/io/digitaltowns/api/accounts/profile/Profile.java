package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.accounts.AccountEvents;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.PasswordChanges;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.UserDeleted;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own account: read it, rename, change the password, delete it. */
@Service
public class Profile {

  private final JdbcClient jdbc;
  private final AccountRoles roles;
  private final OwnerConfirmation ownerConfirmation;
  private final PasswordChanges passwordChanges;
  private final AccountEvents events;

  Profile(JdbcClient jdbc, AccountRoles roles, OwnerConfirmation ownerConfirmation, PasswordChanges passwordChanges,
          AccountEvents events) {
    this.jdbc = jdbc;
    this.roles = roles;
    this.ownerConfirmation = ownerConfirmation;
    this.passwordChanges = passwordChanges;
    this.events = events;
  }

  @Transactional(readOnly = true)
  public MyAccount show(UUID userId) {
    return jdbc.sql("SELECT id, email, display_name, email_verified, created_at FROM users WHERE id = :id")
        .param("id", userId)
        .query((rs, n) -> new MyAccount(rs.getObject("id", UUID.class), rs.getString("email"),
            rs.getString("display_name"), rs.getBoolean("email_verified"), roles.rolesOf(userId),
            rs.getTimestamp("created_at").toInstant()))
        .optional()
        .orElseThrow(AccountGoneException::new);
  }

  @Transactional
  public MyAccount rename(UUID userId, String displayName) {
    jdbc.sql("UPDATE users SET display_name = :name, updated_at = now() WHERE id = :id")
        .param("name", displayName.trim()).param("id", userId).update();
    return show(userId);
  }

  @Transactional
  public void changePassword(UUID userId, String currentPassword, String newPassword, String traceId) {
    ownerConfirmation.requirePassword(userId, currentPassword);
    passwordChanges.change(userId, newPassword, PasswordChangeReason.CHANGED, traceId);
  }

  /** Deletes the account once its password is proven (the site asks for it; a stolen session alone cannot). */
  @Transactional
  public void deleteWithPassword(UUID userId, String password, String traceId) {
    ownerConfirmation.requirePassword(userId, password);
    delete(userId, traceId);
  }

  /**
   * Erases the account: the user row and, by cascade, roles, sessions, link tokens and linked
   * identities. UserDeleted tells every consumer to erase what it holds; it carries no personal data.
   */
  @Transactional
  public void delete(UUID userId, String traceId) {
    int deleted = jdbc.sql("DELETE FROM users WHERE id = :id").param("id", userId).update();
    if (deleted == 0) {
      throw new AccountGoneException();
    }
    events.publish(userId, traceId, (eventId, occurredAt, aggregateId) -> UserDeleted.newBuilder()
        .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId).build());
  }
}
