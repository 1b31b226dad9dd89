package io.digitaltowns.api.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Looks up, for each authenticated request, whether the token's user still exists and is not
 * suspended, and what roles they hold now, so a suspension or a role change takes effect at once
 * rather than when the access token expires.
 */
@Service
public class ActiveAccounts {

  private final JdbcClient jdbc;
  private final AccountRoles roles;

  ActiveAccounts(JdbcClient jdbc, AccountRoles roles) {
    this.jdbc = jdbc;
    this.roles = roles;
  }

  /**
   * @param sessionEpoch access tokens issued under another epoch are no longer valid
   */
  public record ActiveAccount(UUID userId, Set<Role> roles, long sessionEpoch) {}

  public Optional<ActiveAccount> find(UUID userId) {
    return jdbc.sql("SELECT session_epoch FROM users WHERE id = :id AND NOT suspended")
        .param("id", userId)
        .query(Long.class)
        .optional()
        .map(sessionEpoch -> new ActiveAccount(userId, roles.rolesOf(userId), sessionEpoch));
  }
}
