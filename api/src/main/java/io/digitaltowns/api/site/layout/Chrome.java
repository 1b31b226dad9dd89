package io.digitaltowns.api.site.layout;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's frame needs: who is signed in (for the header) and the CSRF token its forms carry.
 *
 * @param userName the signed-in user's name, or null for a visitor
 * @param admin    whether the header links to the admin pages
 * @param csrf     the session's CSRF token, or null on pages that must not start a session (browsing)
 */
public record Chrome(String userName, boolean admin, CsrfToken csrf) {

  public boolean signedIn() {
    return userName != null;
  }

  /** The hidden field's name; every state-changing form carries it (layout/csrf.jte). */
  public String csrfParameter() {
    return csrf == null ? "_csrf" : csrf.getParameterName();
  }

  public String csrfToken() {
    return csrf == null ? "" : csrf.getToken();
  }
}
