package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.AccountEvents;
import io.digitaltowns.api.accounts.login.AccountSuspendedException;
import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.UserRegistered;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an identity a provider vouched for into one of our accounts and a session: the account
 * already linked to that identity; else the account with the same address, but only when the
 * provider says the address is verified; else a new account. Everything, including the events,
 * commits together or not at all.
 */
@Service
class OAuthAccounts {

  private static final Logger log = LoggerFactory.getLogger(OAuthAccounts.class);

  private final JdbcClient jdbc;
  private final AccountEvents events;
  private final Sessions sessions;
  private final Clock clock;

  OAuthAccounts(JdbcClient jdbc, AccountEvents events, Sessions sessions, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * @throws OAuthSignInRefusedException when no account is linked and the provider vouches for no address
   * @throws AccountSuspendedException   when the account is suspended (nothing is linked or changed then)
   */
  @Transactional
  TokenPair signIn(ProviderIdentity identity, String traceId) {
    Account account = linkedTo(identity).orElseGet(() -> linkOrCreate(identity, traceId));
    if (account.suspended()) {
      throw new AccountSuspendedException();
    }
    return sessions.start(account.id(), account.email(), account.emailVerified(),
        identity.provider().signInMethod(), traceId);
  }

  private Account linkOrCreate(ProviderIdentity identity, String traceId) {
    if (identity.email() == null) {
      throw new OAuthSignInRefusedException(identity.provider().displayName()
          + " did not share your email address. Allow access to it and sign in again.");
    }
    if (!identity.hasVerifiedEmail()) {
      // linking on an unproven address would hand its account to whoever typed it in at the provider
      throw new OAuthSignInRefusedException("Your email address is not verified at "
          + identity.provider().displayName() + ". Verify it there, or sign in another way.");
    }
    return withEmail(identity.email())
        .or(() -> create(identity, traceId))
        // created by a concurrent sign-in or registration between our look-up and our insert
        .or(() -> withEmail(identity.email()))
        .map(existing -> link(existing, identity, traceId))
        .orElseThrow(() -> new IllegalStateException("no account with the address after inserting it"));
  }

  /**
   * Links the identity to an existing account. If its address was not verified yet, whoever
   * registered it may not be its owner (the provider just proved the signer-in is): the password
   * they chose is cleared and their sessions end, so the account now belongs to the owner alone.
   */
  private Account link(Account account, ProviderIdentity identity, String traceId) {
    jdbc.sql("""
            INSERT INTO user_identities (provider, subject, user_id, linked_at) VALUES (:provider, :subject, :userId, :now)
            ON CONFLICT (provider, subject) DO NOTHING
            """)
        .param("provider", identity.provider().registrationId())
        .param("subject", identity.subject())
        .param("userId", account.id())
        .param("now", Timestamp.from(clock.instant()))
        .update();
    if (account.emailVerified()) {
      return account;
    }
    boolean claimed = jdbc.sql("""
            UPDATE users SET email_verified = true, password_hash = NULL, updated_at = now()
            WHERE id = :id AND NOT email_verified
            """)
        .param("id", account.id()).update() == 1;
    if (claimed) {
      log.info("Verified account {} through {}; its password was cleared and its sessions ended",
          account.id(), identity.provider().displayName());
      sessions.endAll(account.id());
      events.publish(account.id(), traceId, (eventId, occurredAt, aggregateId) -> EmailVerified.newBuilder()
          .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
          .setEmail(account.email()).build());
    }
    return new Account(account.id(), account.email(), true, account.suspended());
  }

  /** @return the new account, or empty when an account with the address exists already */
  private Optional<Account> create(ProviderIdentity identity, String traceId) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    int inserted = jdbc.sql("""
            INSERT INTO users (id, email, display_name, password_hash, email_verified, created_at)
            VALUES (:id, :email, :displayName, NULL, true, :createdAt)
            ON CONFLICT (lower(email)) DO NOTHING
            """)
        .param("id", id)
        .param("email", identity.email())
        .param("displayName", identity.displayName())
        .param("createdAt", Timestamp.from(now))
        .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, 'RESIDENT')").param("id", id).update();
    events.publish(id, traceId, (eventId, occurredAt, aggregateId) -> UserRegistered.newBuilder()
        .setEventId(eventId).setOccurredAt(occurredAt).setAggregateId(aggregateId).setTraceId(traceId)
        .setEmail(identity.email())
        .setDisplayName(identity.displayName())
        .setSignupMethod(identity.provider().signupMethod())
        .build());
    // verified from the start: link() will not clear or announce anything
    return Optional.of(new Account(id, identity.email(), true, false));
  }

  private Optional<Account> linkedTo(ProviderIdentity identity) {
    return jdbc.sql("""
            SELECT u.id, u.email, u.email_verified, u.suspended FROM user_identities i JOIN users u ON u.id = i.user_id
            WHERE i.provider = :provider AND i.subject = :subject
            """)
        .param("provider", identity.provider().registrationId())
        .param("subject", identity.subject())
        .query(OAuthAccounts::account)
        .optional();
  }

  private Optional<Account> withEmail(String email) {
    // locked, so a concurrent password reset or verification cannot interleave with the claim
    return jdbc.sql("SELECT id, email, email_verified, suspended FROM users WHERE lower(email) = :email FOR UPDATE")
        .param("email", email)
        .query(OAuthAccounts::account)
        .optional();
  }

  private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getBoolean("email_verified"),
        rs.getBoolean("suspended"));
  }

  private record Account(UUID id, String email, boolean emailVerified, boolean suspended) {
  }
}
