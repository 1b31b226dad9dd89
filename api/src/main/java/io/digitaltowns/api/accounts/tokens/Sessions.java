package io.digitaltowns.api.accounts.tokens;

import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.AdminPromotion;
import io.digitaltowns.api.outbox.OutboxWriter;
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
  private final SessionEpochs epochs;
  private final AccountRoles roles;
  private final AdminPromotion adminPromotion;
  private final OutboxWriter events;

  Sessions(
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      SessionEpochs epochs,
      AccountRoles roles,
      AdminPromotion adminPromotion,
      OutboxWriter events) {
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.epochs = epochs;
    this.roles = roles;
    this.adminPromotion = adminPromotion;
    this.events = events;
  }

  /**
   * The caller has checked the user is who they claim and not suspended. A sign-in through a
   * provider that vouched for the address may make it ADMIN here; a password sign-in may not: a
   * password account is promoted only where its owner proved the address and chose the password
   * (confirming the address, a reset), and at any sign-in ADMIN the list gave leaves an account
   * whose address is no longer listed.
   */
  @Transactional
  public TokenPair start(
      UUID userId, String email, boolean emailVerified, SignInMethod method, String traceId) {
    if (method == SignInMethod.PASSWORD) {
      adminPromotion.revokeIfNoLongerListed(userId, email, emailVerified, traceId);
    } else {
      adminPromotion.promoteIfListed(userId, email, emailVerified, traceId);
    }
    events.publish(userId, traceId, UserSignedIn.newBuilder().setMethod(method));
    return tokens(refreshTokens.startFamily(userId));
  }

  @Transactional(noRollbackFor = InvalidRefreshTokenException.class)
  public TokenPair refresh(String refreshToken) {
    Optional<RefreshTokens.Rotation> rotation = refreshTokens.rotate(refreshToken);
    // a reuse revoked the family inside rotate(); that must commit even though the caller gets a
    // 401
    return tokens(rotation.orElseThrow(InvalidRefreshTokenException::new));
  }

  @Transactional
  public void end(String refreshToken) {
    refreshTokens.revokeFamilyOf(refreshToken);
  }

  /**
   * Ends every session of the user at once: their refresh tokens are revoked and the session epoch
   * moves on, so every access token issued before is refused at its next request.
   */
  @Transactional
  public void endAll(UUID userId) {
    epochs.bump(userId);
    refreshTokens.revokeAll(userId);
  }

  private TokenPair tokens(RefreshTokens.Rotation session) {
    UUID userId = session.userId();
    String accessToken =
        accessTokens.issue(
            new AccessTokens.Holder(
                userId, roles.rolesOf(userId), epochs.current(userId), session.signedInAt()));
    return TokenPair.bearer(accessToken, accessTokens.ttlSeconds(), session.refreshToken());
  }
}
