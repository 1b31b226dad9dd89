package io.digitaltowns.api.site.layout;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page's frame needs: who is signed in (for the header) and the CSRF token its forms
 * carry.
 *
 * @param userName the signed-in user's name, or null for a visitor
 * @param admin whether the header links to the admin pages
 * @param csrf the session's CSRF token, or null on pages that must not start a session (browsing)
 * @param path the request's path, so a nav can mark where the user is ({@code aria-current})
 */
public record Chrome(String userName, boolean admin, CsrfToken csrf, String path) {

  public boolean signedIn() {
    return userName != null;
  }

  /** The hidden field's name; every state-changing form carries it (layout/csrf.jte). */
  public String csrfParameter() {
    return csrf == null ? "_csrf" : csrf.getParameterName();
  }

  /**
   * Whether the page is {@code section} or below it: {@code /admin/users} for {@code
   * /admin/users/{id}}.
   */
  public boolean within(String section) {
    return path != null && (path.equals(section) || path.startsWith(section + "/"));
  }

  public String csrfToken() {
    return csrf == null ? "" : csrf.getToken();
  }
}
