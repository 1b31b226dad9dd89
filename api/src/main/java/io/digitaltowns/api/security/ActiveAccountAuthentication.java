package io.digitaltowns.api.security;

import io.digitaltowns.api.accounts.ActiveAccounts;
import io.digitaltowns.api.accounts.tokens.AccessTokens;
import java.util.List;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into an authentication with the user's roles as they are now: a
 * deleted or suspended user is refused even while their token has not expired, and so is a token
 * issued before the user's sessions were ended (sign out everywhere, password change or reset,
 * suspension, proof of the address), which carries an earlier session epoch.
 */
@Component
class ActiveAccountAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

  private final ActiveAccounts accounts;

  ActiveAccountAuthentication(ActiveAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    UUID userId;
    try {
      userId = UUID.fromString(jwt.getSubject());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidBearerTokenException("The access token has no valid subject.");
    }
    ActiveAccounts.ActiveAccount account =
        accounts
            .find(userId)
            .orElseThrow(
                () ->
                    new InvalidBearerTokenException(
                        "The account is suspended or no longer exists."));
    if (!(jwt.getClaims().get(AccessTokens.SESSION_EPOCH) instanceof Number epoch)
        || epoch.longValue() != account.sessionEpoch()) {
      throw new InvalidBearerTokenException("The session has ended. Sign in again.");
    }
    List<SimpleGrantedAuthority> authorities =
        account.roles().stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
            .toList();
    return new JwtAuthenticationToken(jwt, authorities, userId.toString());
  }
}
