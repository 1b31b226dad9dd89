package io.digitaltowns.api.accounts.tokens;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret HS256 key of the access tokens (JWT_SECRET), at least 32 bytes; every instance that
 *     verifies tokens needs the same one
 * @param issuer the {@code iss} claim written and required
 * @param accessTokenTtl short, because an access token is only refused early by a session-epoch
 *     bump
 * @param refreshTokenTtl how long a session lasts without being used
 * @param refreshTokenMaxLifetime how long a session lasts at most from its sign-in, however often
 *     it is refreshed (JWT_REFRESH_TOKEN_MAX_LIFETIME); then the user signs in again
 * @param recentSignIn how recent a sign-in must be to delete an account that has no password
 *     (signed up through Google or Facebook) (JWT_RECENT_SIGN_IN)
 */
@ConfigurationProperties("digitaltowns.jwt")
public record JwtProperties(
    String secret,
    @DefaultValue("digitaltowns") String issuer,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl,
    @DefaultValue("30d") Duration refreshTokenMaxLifetime,
    @DefaultValue("5m") Duration recentSignIn) {

  public JwtProperties {
    if (secret == null || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException(
          "digitaltowns.jwt.secret (JWT_SECRET) must be set to at least 32 bytes");
    }
    if (refreshTokenMaxLifetime == null
        || refreshTokenMaxLifetime.isNegative()
        || refreshTokenMaxLifetime.isZero()) {
      throw new IllegalArgumentException(
          "digitaltowns.jwt.refresh-token-max-lifetime must be positive");
    }
  }

  /** No secret in a printed configuration. */
  @Override
  public String toString() {
    return Redacted.toString(this, "secret");
  }
}
