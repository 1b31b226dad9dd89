package io.digitaltowns.api.businesses.listing;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is asking: anonymous, a signed-in user, or an admin. */
public record Caller(UUID userId, boolean admin) {

  public static Caller of(Authentication authentication) {
    // anonymous callers carry an AnonymousAuthenticationToken; only a verified bearer token names a
    // user
    if (!(authentication instanceof JwtAuthenticationToken) || !authentication.isAuthenticated()) {
      return new Caller(null, false);
    }
    return new Caller(
        UUID.fromString(authentication.getName()),
        authentication.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")));
  }

  public boolean signedIn() {
    return userId != null;
  }

  boolean mayChange(Business business) {
    return admin || business.ownerId().equals(userId);
  }
}
