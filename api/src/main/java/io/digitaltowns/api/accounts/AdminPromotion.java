package io.digitaltowns.api.accounts;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Makes admins of the addresses listed in ADMIN_EMAILS, but only once the address is verified:
 * registering someone else's address must not be a way in.
 */
@Component
public class AdminPromotion {

  private final AccountRoles roles;
  private final AdminProperties properties;

  AdminPromotion(AccountRoles roles, AdminProperties properties) {
    this.roles = roles;
    this.properties = properties;
  }

  public void promoteIfListed(UUID userId, String email, boolean emailVerified, String traceId) {
    if (emailVerified && properties.emails().stream()
        .anyMatch(listed -> listed.trim().equalsIgnoreCase(email.toLowerCase(Locale.ROOT)))) {
      roles.grant(userId, Role.ADMIN, traceId);
    }
  }

  /** @param emails addresses (any case) whose verified accounts are admins */
  @ConfigurationProperties("digitaltowns.admins")
  record AdminProperties(@DefaultValue List<String> emails) {
  }
}
