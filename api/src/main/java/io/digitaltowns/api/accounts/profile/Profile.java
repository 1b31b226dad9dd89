package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.accounts.AccountDeletionListener;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.DisplayName;
import io.digitaltowns.api.accounts.PasswordChanges;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.UserDeleted;
import java.util.List;
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
  private final OutboxWriter events;
  private final List<AccountDeletionListener> deletionListeners;

  Profile(
      JdbcClient jdbc,
      AccountRoles roles,
      OwnerConfirmation ownerConfirmation,
      PasswordChanges passwordChanges,
      OutboxWriter events,
      List<AccountDeletionListener> deletionListeners) {
    this.jdbc = jdbc;
    this.roles = roles;
    this.ownerConfirmation = ownerConfirmation;
    this.passwordChanges = passwordChanges;
    this.events = events;
    this.deletionListeners = deletionListeners;
  }

  @Transactional(readOnly = true)
  public MyAccount show(UUID userId) {
    return jdbc.sql(
            "SELECT id, email, display_name, email_verified, created_at FROM users WHERE id = :id")
        .param("id", userId)
        .query(
            (rs, n) ->
                new MyAccount(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("display_name"),
                    rs.getBoolean("email_verified"),
                    roles.rolesOf(userId),
                    rs.getTimestamp("created_at").toInstant()))
        .optional()
        .orElseThrow(AccountGoneException::new);
  }

  /**
   * @throws io.digitaltowns.api.accounts.InvalidDisplayNameException (400) for a name {@link
   *     DisplayName} refuses
   */
  @Transactional
  public MyAccount rename(UUID userId, String displayName) {
    jdbc.sql("UPDATE users SET display_name = :name, updated_at = now() WHERE id = :id")
        .param("name", DisplayName.parse(displayName))
        .param("id", userId)
        .update();
    return show(userId);
  }

  @Transactional
  public void changePassword(
      UUID userId, String currentPassword, String newPassword, String traceId) {
    ownerConfirmation.requirePassword(userId, currentPassword);
    passwordChanges.change(userId, newPassword, PasswordChangeReason.CHANGED, traceId);
  }

  /**
   * Deletes the account once its password is proven (the site asks for it; a stolen session alone
   * cannot).
   */
  @Transactional
  public void deleteWithPassword(UUID userId, String password, String traceId) {
    ownerConfirmation.requirePassword(userId, password);
    delete(userId, traceId);
  }

  /**
   * Erases the account: first its businesses, each with its own BusinessDeleted (subscriptions and
   * photos are cleaned up by the consumers), then the user row and, by cascade, roles, sessions,
   * link tokens and linked identities. UserDeleted tells every consumer to erase what it holds; it
   * carries no personal data.
   */
  @Transactional
  public void delete(UUID userId, String traceId) {
    boolean exists =
        jdbc.sql("SELECT id FROM users WHERE id = :id FOR UPDATE")
            .param("id", userId)
            .query(UUID.class)
            .optional()
            .isPresent();
    if (!exists) {
      throw new AccountGoneException();
    }
    List<String> businessIds =
        deletionListeners.stream()
            .flatMap(listener -> listener.beforeDelete(userId, traceId).stream())
            .map(UUID::toString)
            .toList();
    jdbc.sql("DELETE FROM users WHERE id = :id").param("id", userId).update();
    events.publish(userId, traceId, UserDeleted.newBuilder().setBusinessIds(businessIds));
  }
}
