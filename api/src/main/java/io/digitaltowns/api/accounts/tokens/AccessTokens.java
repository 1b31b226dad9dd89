package io.digitaltowns.api.accounts.tokens;

import io.digitaltowns.api.accounts.Role;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues short-lived access tokens: the user id as subject, the roles, the session epoch the user
 * had at issue ({@value #SESSION_EPOCH}: a later bump refuses the token at once), when the
 * session's sign-in happened ({@value #AUTH_TIME}, as in OpenID Connect) and the services it is
 * meant for ({@code aud}).
 */
@Component
public class AccessTokens {

  /** claim: the user's session epoch when the token was issued */
  public static final String SESSION_EPOCH = "sep";

  /**
   * claim: when the user signed in to start the session (seconds since the epoch), kept across
   * refreshes
   */
  public static final String AUTH_TIME = "auth_time";

  private final JwtEncoder encoder;
  private final JwtProperties properties;

  AccessTokens(JwtEncoder encoder, JwtProperties properties) {
    this.encoder = encoder;
    this.properties = properties;
  }

  /** Who the token is for and which session it belongs to. */
  record Holder(UUID userId, Set<Role> roles, long sessionEpoch, Instant signedInAt) {}

  String issue(Holder holder) {
    Instant now = Instant.now();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(properties.issuer())
            .subject(holder.userId().toString())
            .audience(ServiceAudience.forSessionOf(holder.roles()))
            .issuedAt(now)
            .expiresAt(now.plus(properties.accessTokenTtl()))
            .id(UUID.randomUUID().toString())
            .claim("roles", holder.roles().stream().map(Role::name).sorted().toList())
            .claim(SESSION_EPOCH, holder.sessionEpoch())
            .claim(AUTH_TIME, holder.signedInAt().getEpochSecond())
            .build();
    return encoder
        .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
        .getTokenValue();
  }

  public long ttlSeconds() {
    return properties.accessTokenTtl().toSeconds();
  }
}
