package io.digitaltowns.api.accounts.tokens;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotating refresh tokens, grouped in families (one family per sign-in). Using a token replaces it;
 * a replaced or revoked token presented again means it was stolen or replayed, so the whole family
 * is revoked and both holders must sign in again. A family ends at an absolute lifetime from its
 * sign-in ({@link JwtProperties#refreshTokenMaxLifetime()}), however often it is used.
 */
@Component
public class RefreshTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final JwtProperties properties;

  RefreshTokens(JdbcClient jdbc, JwtProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** The user a token was rotated for, when their session's sign-in happened, and the new token. */
  public record Rotation(UUID userId, Instant signedInAt, String refreshToken) {}

  /**
   * @return the first token of a new family, started now
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Rotation startFamily(UUID userId) {
    Instant now = Instant.now();
    return new Rotation(userId, now, issue(userId, UUID.randomUUID(), now));
  }

  /**
   * @return empty when the token is unknown, expired, reused (family revoked) or its user is
   *     suspended
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Rotation> rotate(String presented) {
    Optional<StoredToken> found =
        jdbc.sql(
                """
            SELECT t.id, t.family_id, t.user_id, t.session_started_at, t.expires_at, t.replaced_at, t.revoked_at, u.suspended
            FROM refresh_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = :hash FOR UPDATE OF t
            """)
            .param("hash", TokenHash.of(presented))
            .query(
                (rs, n) ->
                    new StoredToken(
                        rs.getObject("id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("session_started_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("replaced_at") != null
                            || rs.getTimestamp("revoked_at") != null,
                        rs.getBoolean("suspended")))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    StoredToken token = found.get();
    if (token.usedOrRevoked()) {
      revokeFamily(token.familyId());
      return Optional.empty();
    }
    // checked here too, not only folded into expires_at: a shorter maximum set later applies to
    // running sessions
    Instant now = Instant.now();
    boolean sessionOver =
        token.sessionStartedAt().plus(properties.refreshTokenMaxLifetime()).isBefore(now);
    if (token.expiresAt().isBefore(now) || sessionOver || token.userSuspended()) {
      return Optional.empty();
    }
    jdbc.sql("UPDATE refresh_tokens SET replaced_at = now() WHERE id = :id")
        .param("id", token.id())
        .update();
    return Optional.of(
        new Rotation(
            token.userId(),
            token.sessionStartedAt(),
            issue(token.userId(), token.familyId(), token.sessionStartedAt())));
  }

  /** Logs out one session: the family of the presented token. Unknown tokens are ignored. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokeFamilyOf(String presented) {
    jdbc.sql(
            """
            UPDATE refresh_tokens SET revoked_at = now()
            WHERE revoked_at IS NULL
              AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash)
            """)
        .param("hash", TokenHash.of(presented))
        .update();
  }

  /** Logs out everywhere (also after a password change or a suspension). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void revokeAll(UUID userId) {
    jdbc.sql(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = :userId AND revoked_at IS NULL")
        .param("userId", userId)
        .update();
  }

  private void revokeFamily(UUID familyId) {
    jdbc.sql(
            "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = :familyId AND revoked_at IS NULL")
        .param("familyId", familyId)
        .update();
  }

  private String issue(UUID userId, UUID familyId, Instant sessionStartedAt) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now();
    Instant idleEnd = now.plus(properties.refreshTokenTtl());
    Instant absoluteEnd = sessionStartedAt.plus(properties.refreshTokenMaxLifetime());
    jdbc.sql(
            """
            INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, session_started_at, issued_at, expires_at)
            VALUES (:id, :familyId, :userId, :hash, :sessionStartedAt, :issuedAt, :expiresAt)
            """)
        .param("id", UUID.randomUUID())
        .param("familyId", familyId)
        .param("userId", userId)
        .param("hash", TokenHash.of(token))
        .param("sessionStartedAt", Timestamp.from(sessionStartedAt))
        .param("issuedAt", Timestamp.from(now))
        .param("expiresAt", Timestamp.from(idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd))
        .update();
    return token;
  }

  private record StoredToken(
      UUID id,
      UUID familyId,
      UUID userId,
      Instant sessionStartedAt,
      Instant expiresAt,
      boolean usedOrRevoked,
      boolean userSuspended) {}
}
