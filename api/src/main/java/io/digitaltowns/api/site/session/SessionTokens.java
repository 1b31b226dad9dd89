package io.digitaltowns.api.site.session;

import io.digitaltowns.api.accounts.tokens.TokenPair;
import java.io.Serializable;

/**
 * What the site keeps in a signed-in browser's session: the very tokens the JSON API issues, so a
 * page session is an API session (refresh, sign out, sign out everywhere and the session epoch
 * apply to both alike). Only the server ever sees them: the browser holds the session cookie alone.
 */
record SessionTokens(String accessToken, String refreshToken, String displayName)
    implements Serializable {

  static SessionTokens of(TokenPair pair, String displayName) {
    return new SessionTokens(pair.accessToken(), pair.refreshToken(), displayName);
  }

  SessionTokens refreshedWith(TokenPair pair) {
    return new SessionTokens(pair.accessToken(), pair.refreshToken(), displayName);
  }

  SessionTokens renamed(String newName) {
    return new SessionTokens(accessToken, refreshToken, newName);
  }

  /** Never print the tokens. */
  @Override
  public String toString() {
    return "SessionTokens[***]";
  }
}
