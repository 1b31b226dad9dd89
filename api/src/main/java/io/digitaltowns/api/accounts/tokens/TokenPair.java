package io.digitaltowns.api.accounts.tokens;

/** What a successful sign-in or refresh answers. */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken) {

  public static TokenPair bearer(String accessToken, long expiresIn, String refreshToken) {
    return new TokenPair(accessToken, "Bearer", expiresIn, refreshToken);
  }

  /** Never print the tokens themselves. */
  @Override
  public String toString() {
    return "TokenPair[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
  }
}
