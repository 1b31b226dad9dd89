package io.digitaltowns.api.site.layout;

import io.digitaltowns.api.site.session.SiteSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds a page's {@link Chrome} from the request: for page controllers and for the error pages
 * alike.
 */
@Component
public class Chromes {

  private final SiteSession session;

  Chromes(SiteSession session) {
    this.session = session;
  }

  /**
   * @param withForms whether the page may carry a form: then the CSRF token is made now, while the
   *     session cookie can still be set (templates write straight into the response)
   */
  public Chrome of(HttpServletRequest request, boolean withForms) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn =
        authentication instanceof JwtAuthenticationToken && authentication.isAuthenticated();
    String name = signedIn ? session.displayName(request).orElse("Account") : null;
    boolean admin =
        signedIn
            && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    CsrfToken csrf = null;
    if (signedIn || withForms) {
      csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      if (csrf != null) {
        csrf.getToken(); // loads or makes (and stores) it now
      }
    }
    return new Chrome(name, admin, csrf, request.getRequestURI());
  }
}
