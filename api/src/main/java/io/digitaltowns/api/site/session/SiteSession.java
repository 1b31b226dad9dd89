package io.digitaltowns.api.site.session;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Signs a browser in and out: puts the API's tokens into its session and takes them out again. */
@Component
public class SiteSession {

  static final String TOKENS = SiteSession.class.getName() + ".tokens";

  private final Sessions sessions;
  private final CsrfTokenRepository csrfTokens;

  SiteSession(Sessions sessions, CsrfTokenRepository csrfTokens) {
    this.sessions = sessions;
    this.csrfTokens = csrfTokens;
  }

  /**
   * After a successful sign-in: a new session id (no fixation of one chosen before signing in)
   * holding the tokens.
   */
  public void signIn(HttpServletRequest request, TokenPair tokens, String displayName) {
    signIn(
        request,
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse(),
        tokens,
        displayName);
  }

  /**
   * As {@link #signIn(HttpServletRequest, TokenPair, String)}, outside Spring MVC (a security
   * filter's handler).
   */
  public void signIn(
      HttpServletRequest request,
      HttpServletResponse response,
      TokenPair tokens,
      String displayName) {
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      existing.invalidate();
    }
    request.getSession(true).setAttribute(TOKENS, SessionTokens.of(tokens, displayName));
    // the new session's CSRF token, made now: made lazily, two parallel first requests (a page and
    // its favicon)
    // could each make one, and the page's forms would carry the one that lost
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
  }

  /** Ends this browser's API session (its refresh token family) and forgets the session. */
  public void signOut(HttpServletRequest request) {
    tokens(request).ifPresent(tokens -> sessions.end(tokens.refreshToken()));
    forget(request);
  }

  /**
   * Forgets the session without touching the API session (it has ended already, e.g. everywhere).
   */
  public void forget(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }

  /** The shown name changed (my account): the header says the new one. */
  public void renamed(HttpServletRequest request, String displayName) {
    HttpSession session = request.getSession(false);
    tokens(request).ifPresent(tokens -> session.setAttribute(TOKENS, tokens.renamed(displayName)));
  }

  /** The signed-in user's name as the header shows it, or empty when nobody is signed in. */
  public Optional<String> displayName(HttpServletRequest request) {
    return tokens(request).map(SessionTokens::displayName);
  }

  static Optional<SessionTokens> tokens(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((SessionTokens) session.getAttribute(TOKENS));
  }
}
