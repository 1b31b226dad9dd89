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

/** Issues short-lived access tokens: the user id as subject, the roles as a claim. */
@Component
public class AccessTokens {

  private final JwtEncoder encoder;
  private final JwtProperties properties;

  AccessTokens(JwtEncoder encoder, JwtProperties properties) {
    this.encoder = encoder;
    this.properties = properties;
  }

  public String issue(UUID userId, Set<Role> roles) {
    Instant now = Instant.now();
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(properties.issuer())
        .subject(userId.toString())
        .issuedAt(now)
        .expiresAt(now.plus(properties.accessTokenTtl()))
        .id(UUID.randomUUID().toString())
        .claim("roles", roles.stream().map(Role::name).sorted().toList())
        .build();
    return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
  }

  public long ttlSeconds() {
    return properties.accessTokenTtl().toSeconds();
  }
}
