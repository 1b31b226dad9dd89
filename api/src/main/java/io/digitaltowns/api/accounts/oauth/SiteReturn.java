package io.digitaltowns.api.accounts.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * A sign-in started from the site's pages: {@code
 * /oauth2/authorization/{provider}?next=/a/local/path}. The path is kept in the authorization
 * request (inside the encrypted, state-bound cookie), so only the browser that started the sign-in,
 * coming back with that request's state, ends in a site session; it is never taken from the
 * provider's redirect back, which anyone can forge. A sign-in started without {@code next} ends in
 * the API's tokens as before.
 */
final class SiteReturn {

  static final String PARAMETER = "next";
  private static final String ATTRIBUTE = "digitaltowns_site_return";

  /** longer is no path of ours; such a sign-in goes to the home page */
  private static final int MAX_LENGTH = 1_000;

  private SiteReturn() {}

  /** Marks the request as the site's when the sign-in was started with {@code next}. */
  static OAuth2AuthorizationRequest keep(
      HttpServletRequest request, OAuth2AuthorizationRequest authorizationRequest) {
    String next = request.getParameter(PARAMETER);
    if (authorizationRequest == null || next == null) {
      return authorizationRequest;
    }
    String kept = next.length() > MAX_LENGTH ? "/" : next;
    return OAuth2AuthorizationRequest.from(authorizationRequest)
        .attributes(attributes -> attributes.put(ATTRIBUTE, kept))
        .build();
  }

  /**
   * Where the site wants the browser back, as given when it started (the site checks it is a local
   * path).
   */
  static Optional<String> of(OAuth2AuthorizationRequest authorizationRequest) {
    return authorizationRequest == null
        ? Optional.empty()
        : Optional.ofNullable(authorizationRequest.getAttribute(ATTRIBUTE)).map(Object::toString);
  }

  /** Whether a request to start a sign-in comes from the site's pages. */
  static boolean startedBySite(HttpServletRequest request) {
    return request.getParameter(PARAMETER) != null;
  }
}
