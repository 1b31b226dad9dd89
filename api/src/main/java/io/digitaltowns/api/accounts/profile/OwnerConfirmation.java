package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.accounts.tokens.AccessTokens;
import io.digitaltowns.api.accounts.tokens.JwtProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Makes sure the one holding an access token is the account's owner before something that cannot be
 * undone: a stolen access token alone must not change the password or delete the account.
 */
@Component
class OwnerConfirmation {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final JwtProperties jwt;
  private final Clock clock;

  OwnerConfirmation(JdbcClient jdbc, PasswordEncoder passwords, JwtProperties jwt, Clock clock) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.jwt = jwt;
    this.clock = clock;
  }

  /**
   * @throws WrongCurrentPasswordException unless the password is the account's (an account without
   *     one never matches)
   */
  void requirePassword(UUID userId, String currentPassword) {
    String hash = passwordHash(userId);
    if (hash == null || currentPassword == null || !passwords.matches(currentPassword, hash)) {
      throw new WrongCurrentPasswordException();
    }
  }

  /**
   * The current password when one is sent; otherwise a sign-in (with the password or through a
   * provider) within the last {@link JwtProperties#recentSignIn()}, the only proof an account
   * without a password can give.
   */
  void requirePasswordOrRecentSignIn(Jwt token, String currentPassword) {
    UUID userId = UUID.fromString(token.getSubject());
    if (currentPassword != null) {
      requirePassword(userId, currentPassword);
      return;
    }
    if (!(token.getClaims().get(AccessTokens.AUTH_TIME) instanceof Number signedIn)
        || Instant.ofEpochSecond(signedIn.longValue())
            .plus(jwt.recentSignIn())
            .isBefore(clock.instant())) {
      throw new RecentSignInRequiredException();
    }
  }

  /**
   * @return null for an account without a password (signed up through a provider)
   */
  private String passwordHash(UUID userId) {
    record Stored(String hash) {}
    return jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
        .param("id", userId)
        .query((rs, n) -> new Stored(rs.getString("password_hash")))
        .optional()
        .orElseThrow(AccountGoneException::new)
        .hash();
  }
}
