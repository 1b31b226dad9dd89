package io.digitaltowns.api.accounts;

import io.digitaltowns.events.accounts.UserRoleChanged;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grants and reads roles. Other features use it, e.g. a business owner is made when a business is created. */
@Service
public class AccountRoles {

  private final JdbcClient jdbc;
  private final AccountEvents events;

  AccountRoles(JdbcClient jdbc, AccountEvents events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Grants the role (once: granting it again changes nothing and emits nothing). */
  @Transactional
  public void grant(UUID userId, Role role, String traceId) {
    int granted = jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:userId, :role) ON CONFLICT DO NOTHING")
        .param("userId", userId).param("role", role.name()).update();
    if (granted == 1) {
      events.publish(userId, traceId, (eventId, occurredAt, aggregateId) -> UserRoleChanged.newBuilder()
          .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
          .setRole(io.digitaltowns.events.accounts.Role.valueOf(role.name())).setGranted(true).build());
    }
  }

  public Set<Role> rolesOf(UUID userId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("SELECT role FROM user_roles WHERE user_id = :userId").param("userId", userId)
        .query(String.class).list().forEach(role -> roles.add(Role.valueOf(role)));
    return roles;
  }
}
