package io.digitaltowns.api.accounts.tokens;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-user session epoch ({@code users.session_epoch}): access tokens carry the value current
 * at issue, and {@code ActiveAccountAuthentication} refuses one whose value is no longer current.
 */
@Component
class SessionEpochs {

  private final JdbcClient jdbc;

  SessionEpochs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long current(UUID userId) {
    return jdbc.sql("SELECT session_epoch FROM users WHERE id = :id")
        .param("id", userId)
        .query(Long.class)
        .single();
  }

  /**
   * Ends every access token issued so far (the row lock also orders it against a concurrent
   * refresh).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void bump(UUID userId) {
    jdbc.sql("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = :id")
        .param("id", userId)
        .update();
  }
}
