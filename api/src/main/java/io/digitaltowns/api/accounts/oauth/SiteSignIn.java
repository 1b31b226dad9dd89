package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.tokens.TokenPair;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * How a provider sign-in started from the site's pages ends: the site (io.digitaltowns.api.site)
 * implements it, so that the tokens go into its cookie session and never reach the browser, and
 * accounts need not know the site.
 */
public interface SiteSignIn {

  /**
   * The sign-in succeeded: keep the tokens in a new site session and send the browser to {@code
   * next}.
   */
  void signedIn(
      HttpServletRequest request, HttpServletResponse response, TokenPair tokens, String next)
      throws IOException;

  /** The sign-in did not end in a session: send the browser to a page that says so. */
  void notSignedIn(
      HttpServletRequest request, HttpServletResponse response, Failure failure, String next)
      throws IOException;

  /** Why, in words the site may show (never what the provider sent). */
  enum Failure {
    /**
     * the provider vouched for no address we may use, or the account may not be used (suspended,
     * claimed)
     */
    REFUSED,
    /** the person cancelled at the provider, or the code, state or nonce did not check out */
    FAILED,
    /** the provider could not be reached */
    UNAVAILABLE
  }
}
