package io.digitaltowns.api.accounts.admin;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.UserReinstated;
import io.digitaltowns.events.accounts.UserSuspended;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins suspend and reinstate users; a suspended user's sessions end at once. Each change is kept
 * with the admin's reason ({@code user_status_changes}), which the admin pages show to the next
 * admin.
 */
@Service
public class Suspensions {

  /** The longest reason kept (the column's check). */
  public static final int MAX_REASON = 1000;

  private final JdbcClient jdbc;
  private final Sessions sessions;
  private final OutboxWriter events;

  Suspensions(JdbcClient jdbc, Sessions sessions, OutboxWriter events) {
    this.jdbc = jdbc;
    this.sessions = sessions;
    this.events = events;
  }

  /**
   * @param reason why, for other admins; null from the JSON API, which takes none
   */
  @Transactional
  public void suspend(UUID userId, UUID adminId, String reason, String traceId) {
    if (userId.equals(adminId)) {
      throw new SelfSuspensionException();
    }
    if (setSuspended(userId, true, adminId, reason)) {
      sessions.endAll(userId);
      events.publish(
          userId, traceId, UserSuspended.newBuilder().setSuspendedBy(adminId.toString()));
    }
  }

  /**
   * @param reason why, for other admins; null from the JSON API, which takes none
   */
  @Transactional
  public void reinstate(UUID userId, UUID adminId, String reason, String traceId) {
    if (setSuspended(userId, false, adminId, reason)) {
      events.publish(
          userId, traceId, UserReinstated.newBuilder().setReinstatedBy(adminId.toString()));
    }
  }

  /**
   * @return whether the state changed; suspending twice is not an error and emits one event
   */
  private boolean setSuspended(UUID userId, boolean suspended, UUID adminId, String reason) {
    Boolean before =
        jdbc.sql("SELECT suspended FROM users WHERE id = :id FOR UPDATE")
            .param("id", userId)
            .query(Boolean.class)
            .optional()
            .orElseThrow(UserNotFoundException::new);
    if (before == suspended) {
      return false;
    }
    jdbc.sql("UPDATE users SET suspended = :suspended, updated_at = now() WHERE id = :id")
        .param("suspended", suspended)
        .param("id", userId)
        .update();
    jdbc.sql(
            """
            INSERT INTO user_status_changes (user_id, suspended, reason, changed_by)
            VALUES (:id, :suspended, :reason, :admin)
            """)
        .param("id", userId)
        .param("suspended", suspended)
        .param("admin", adminId)
        .param("reason", reason == null || reason.isBlank() ? null : reason.strip())
        .update();
    return true;
  }
}
