package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.oauth.SiteSignIn;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.site.session.SiteSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Where a Google or Facebook sign-in started from the sign-in page ends: a new site session holding
 * the API's tokens (a new session id, as for a password sign-in), and the page the person came
 * from; or the sign-in page, saying why not. The browser never sees the tokens.
 */
@Component
class ProviderSignInLanding implements SiteSignIn {

  private final SiteSession session;
  private final SignedInName names;

  ProviderSignInLanding(SiteSession session, SignedInName names) {
    this.session = session;
    this.names = names;
  }

  @Override
  public void signedIn(
      HttpServletRequest request, HttpServletResponse response, TokenPair tokens, String next)
      throws IOException {
    session.signIn(request, response, tokens, names.of(tokens));
    response.sendRedirect(LocalPath.orHome(next));
  }

  @Override
  public void notSignedIn(
      HttpServletRequest request, HttpServletResponse response, Failure failure, String next)
      throws IOException {
    response.sendRedirect(
        "/sign-in?next="
            + URLEncoder.encode(LocalPath.orHome(next), StandardCharsets.UTF_8)
            + "&provider="
            + ProviderFailure.of(failure).key());
  }
}
