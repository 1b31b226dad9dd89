package io.digitaltowns.api.accounts.tokens;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret          HS256 key of the access tokens (JWT_SECRET), at least 32 bytes; every
 *                        instance that verifies tokens needs the same one
 * @param issuer          the {@code iss} claim written and required
 * @param accessTokenTtl  short, because an access token cannot be revoked before it expires
 * @param refreshTokenTtl how long a session lasts without being used
 */
@ConfigurationProperties("digitaltowns.jwt")
public record JwtProperties(
    String secret,
    @DefaultValue("digitaltowns") String issuer,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl) {

  public JwtProperties {
    if (secret == null || secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException("digitaltowns.jwt.secret (JWT_SECRET) must be set to at least 32 bytes");
    }
  }

  @Override
  public String toString() {
    return Redacted.toString(this, "secret");
  }
}
