package io.digitaltowns.api.accounts.tokens;

import io.digitaltowns.api.accounts.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * The services of one deployment, as the {@code aud} claim of an access token names them. Every
 * instance accepts only tokens naming its own service (SERVICE_ROLE), so a token minted for one
 * service is refused by another even though they share JWT_SECRET.
 *
 * <p>The web service forwards the accounts endpoints to the auth service and the CRM endpoints to
 * the CRM service with the caller's token as it came, so a user's session token is minted for the
 * services it will be forwarded to: web and auth always, crm only when the user is an ADMIN at
 * minting (the CRM service serves admins only; an admin promoted later reaches it at the next
 * refresh, at most one access-token lifetime later).
 */
public enum ServiceAudience {
  WEB("digitaltowns-web"),
  AUTH("digitaltowns-auth"),
  CRM("digitaltowns-crm");

  private final String claim;

  ServiceAudience(String claim) {
    this.claim = claim;
  }

  /** The value in the {@code aud} claim. */
  public String claim() {
    return claim;
  }

  /** The services a session of a user holding these roles may be forwarded to. */
  static List<String> forSessionOf(Set<Role> roles) {
    List<String> audience = new ArrayList<>(List.of(WEB.claim, AUTH.claim));
    if (roles.contains(Role.ADMIN)) {
      audience.add(CRM.claim);
    }
    return audience;
  }

  /**
   * This instance's service: SERVICE_ROLE binds both {@code digitaltowns.auth-service.role} and
   * {@code digitaltowns.crm-service.role}; an instance set to neither {@code auth} nor {@code crm}
   * is the web service.
   */
  static ServiceAudience ofThisInstance(Environment environment) {
    if ("crm".equals(environment.getProperty("digitaltowns.crm-service.role"))) {
      return CRM;
    }
    if ("auth".equals(environment.getProperty("digitaltowns.auth-service.role"))) {
      return AUTH;
    }
    return WEB;
  }
}
