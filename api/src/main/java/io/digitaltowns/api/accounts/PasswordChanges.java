package io.digitaltowns.api.accounts;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.events.accounts.PasswordChangeReason;
import io.digitaltowns.events.accounts.PasswordChanged;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sets a new password, ends every session, and tells the owner by mail (through PasswordChanged). */
@Service
public class PasswordChanges {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  private final AccountEvents events;

  PasswordChanges(JdbcClient jdbc, PasswordEncoder passwords, Sessions sessions, AccountEvents events) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.sessions = sessions;
    this.events = events;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void change(UUID userId, String newPassword, PasswordChangeReason reason, String traceId) {
    record Owner(String email, String displayName) {
    }
    Owner owner = jdbc.sql("""
            UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id RETURNING email, display_name
            """)
        .param("hash", passwords.encode(newPassword)).param("id", userId)
        .query((rs, n) -> new Owner(rs.getString("email"), rs.getString("display_name")))
        .single();
    sessions.endAll(userId);
    events.publish(userId, traceId, (eventId, occurredAt, aggregateId) -> PasswordChanged.newBuilder()
        .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
        .setEmail(owner.email()).setDisplayName(owner.displayName()).setReason(reason).build());
  }
}
