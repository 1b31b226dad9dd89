package io.digitaltowns.api.accounts;

import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.UserRoleChanged;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants, revokes and reads roles. Other features use it, e.g. a business owner is made when a
 * business is created.
 */
@Service
public class AccountRoles {

  private final JdbcClient jdbc;
  private final OutboxWriter events;

  AccountRoles(JdbcClient jdbc, OutboxWriter events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Grants the role (once: granting it again changes nothing and emits nothing). */
  @Transactional
  public void grant(UUID userId, Role role, String traceId) {
    grant(userId, role, false, traceId);
  }

  /**
   * Grants ADMIN because the account's address is in ADMIN_EMAILS; it goes when the address leaves
   * the list.
   */
  @Transactional
  void grantFromAdminList(UUID userId, String traceId) {
    grant(userId, Role.ADMIN, true, traceId);
  }

  /**
   * Takes away an ADMIN that ADMIN_EMAILS gave (one granted otherwise stays); emits UserRoleChanged
   * once.
   */
  @Transactional
  void revokeFromAdminList(UUID userId, String traceId) {
    int revoked =
        jdbc.sql(
                "DELETE FROM user_roles WHERE user_id = :userId AND role = 'ADMIN' AND from_admin_list")
            .param("userId", userId)
            .update();
    if (revoked == 1) {
      published(userId, Role.ADMIN, false, traceId);
    }
  }

  /**
   * Takes ADMIN_EMAILS' ADMIN from every account whose stored address is not exactly one of {@code
   * listed}, or is unproven.
   *
   * @return how many accounts lost it
   */
  @Transactional
  int revokeFromAdminListUnless(Set<EmailAddress> listed, String traceId) {
    Set<String> kept = Set.copyOf(listed.stream().map(EmailAddress::value).toList());
    List<UUID> leaving =
        jdbc
            .sql(
                """
            SELECT u.id, u.email, u.email_verified FROM user_roles r JOIN users u ON u.id = r.user_id
            WHERE r.role = 'ADMIN' AND r.from_admin_list FOR UPDATE OF r
            """)
            .query(
                (rs, n) ->
                    new ListedAdmin(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getBoolean("email_verified")))
            .list()
            .stream()
            .filter(admin -> !(admin.emailVerified() && kept.contains(admin.email())))
            .map(ListedAdmin::id)
            .toList();
    leaving.forEach(userId -> revokeFromAdminList(userId, traceId));
    return leaving.size();
  }

  private record ListedAdmin(UUID id, String email, boolean emailVerified) {}

  public Set<Role> rolesOf(UUID userId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("SELECT role FROM user_roles WHERE user_id = :userId")
        .param("userId", userId)
        .query(String.class)
        .list()
        .forEach(role -> roles.add(Role.valueOf(role)));
    return roles;
  }

  private void grant(UUID userId, Role role, boolean fromAdminList, String traceId) {
    int granted =
        jdbc.sql(
                """
            INSERT INTO user_roles (user_id, role, from_admin_list) VALUES (:userId, :role, :fromAdminList)
            ON CONFLICT DO NOTHING
            """)
            .param("userId", userId)
            .param("role", role.name())
            .param("fromAdminList", fromAdminList)
            .update();
    if (granted == 1) {
      published(userId, role, true, traceId);
    }
  }

  private void published(UUID userId, Role role, boolean granted, String traceId) {
    events.publish(
        userId,
        traceId,
        UserRoleChanged.newBuilder()
            .setRole(io.digitaltowns.events.accounts.Role.valueOf(role.name()))
            .setGranted(granted));
  }
}
