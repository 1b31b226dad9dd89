package io.digitaltowns.api.accounts.tokens;

import io.digitaltowns.api.accounts.AccountEvents;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.AdminPromotion;
import io.digitaltowns.events.accounts.SignInMethod;
import io.digitaltowns.events.accounts.UserSignedIn;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts, refreshes and ends sessions, whatever way the user proved who they are. */
@Service
public class Sessions {

  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final AccountRoles roles;
  private final AdminPromotion adminPromotion;
  private final AccountEvents events;

  Sessions(AccessTokens accessTokens, RefreshTokens refreshTokens, AccountRoles roles,
           AdminPromotion adminPromotion, AccountEvents events) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.roles = roles;
    this.adminPromotion = adminPromotion;
    this.events = events;
  }

  /** The caller has checked the user is who they claim and not suspended. */
  @Transactional
  public TokenPair start(UUID userId, String email, boolean emailVerified, SignInMethod method, String traceId) {
    adminPromotion.promoteIfListed(userId, email, emailVerified, traceId);
    events.publish(userId, traceId, (eventId, occurredAt, aggregateId) -> UserSignedIn.newBuilder()
        .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
        .setMethod(method).build());
    String refreshToken = refreshTokens.startFamily(userId);
    return TokenPair.bearer(accessTokens.issue(userId, roles.rolesOf(userId)), accessTokens.ttlSeconds(), refreshToken);
  }

  @Transactional(noRollbackFor = InvalidRefreshTokenException.class)
  public TokenPair refresh(String refreshToken) {
    Optional<RefreshTokens.Rotation> rotation = refreshTokens.rotate(refreshToken);
    // a reuse revoked the family inside rotate(); that must commit even though the caller gets a 401
    RefreshTokens.Rotation rotated = rotation.orElseThrow(InvalidRefreshTokenException::new);
    return TokenPair.bearer(accessTokens.issue(rotated.userId(), roles.rolesOf(rotated.userId())),
        accessTokens.ttlSeconds(), rotated.refreshToken());
  }

  @Transactional
  public void end(String refreshToken) {
    refreshTokens.revokeFamilyOf(refreshToken);
  }

  @Transactional
  public void endAll(UUID userId) {
    refreshTokens.revokeAll(userId);
  }
}
