package io.digitaltowns.api.site.session;

import io.digitaltowns.api.accounts.tokens.InvalidRefreshTokenException;
import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Authenticates a page request from the tokens in its session, exactly as the API authenticates a
 * bearer token (same decoder, same per-request account check). When the access token has expired
 * (or no longer passes), the refresh token is exchanged transparently; when that fails too, the
 * browser is signed out.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

  private final JwtDecoder decoder;
  private final Converter<Jwt, AbstractAuthenticationToken> accounts;
  private final Sessions sessions;

  SessionAuthenticationFilter(
      JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> accounts, Sessions sessions) {
    this.decoder = decoder;
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SiteSession.TOKENS) != null) {
      authenticate(session)
          .ifPresentOrElse(
              authentication ->
                  SecurityContextHolder.getContext().setAuthentication(authentication),
              () -> session.removeAttribute(SiteSession.TOKENS));
    }
    chain.doFilter(request, response);
  }

  /** The stylesheet and scripts are the same for everyone: no session work for them. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/site/") || path.startsWith("/webjars/");
  }

  private Optional<AbstractAuthenticationToken> authenticate(HttpSession session) {
    SessionTokens tokens = (SessionTokens) session.getAttribute(SiteSession.TOKENS);
    Optional<AbstractAuthenticationToken> current = verify(tokens.accessToken());
    if (current.isPresent()) {
      return current;
    }
    // one refresh per session at a time: two parallel requests presenting the same refresh token
    // would look like
    // a stolen token being replayed, and the API ends the whole session then
    synchronized (WebUtils.getSessionMutex(session)) {
      SessionTokens latest = (SessionTokens) session.getAttribute(SiteSession.TOKENS);
      if (latest == null) {
        return Optional.empty();
      }
      if (!latest.accessToken().equals(tokens.accessToken())) {
        return verify(latest.accessToken()); // another request refreshed meanwhile
      }
      try {
        TokenPair refreshed = sessions.refresh(latest.refreshToken());
        session.setAttribute(SiteSession.TOKENS, latest.refreshedWith(refreshed));
        return verify(refreshed.accessToken());
      } catch (InvalidRefreshTokenException e) {
        return Optional.empty();
      }
    }
  }

  private Optional<AbstractAuthenticationToken> verify(String accessToken) {
    try {
      return Optional.ofNullable(accounts.convert(decoder.decode(accessToken)));
    } catch (JwtException | AuthenticationException e) {
      return Optional.empty();
    }
  }
}
