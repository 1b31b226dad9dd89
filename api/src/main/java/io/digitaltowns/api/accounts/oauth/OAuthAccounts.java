package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.login.AccountSuspendedException;
import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.outbox.OutboxWriter;
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
 * provider says the address is verified; else a new account. An address the provider does not vouch
 * for (Facebook's, unless it says otherwise) never reaches an existing account: it may only start a
 * new, unverified one (no ADMIN, proven later through our own mail). Addresses are taken in their
 * normal form and looked up exactly. Everything, including the events, commits together or not at
 * all.
 */
@Service
class OAuthAccounts {

  private static final Logger log = LoggerFactory.getLogger(OAuthAccounts.class);

  private final JdbcClient jdbc;
  private final OutboxWriter events;
  private final Sessions sessions;
  private final Clock clock;

  OAuthAccounts(JdbcClient jdbc, OutboxWriter events, Sessions sessions, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * @throws OAuthSignInRefusedException when no account is linked and the provider vouches for no
   *     address
   * @throws AccountSuspendedException when the account is suspended (nothing is linked or changed
   *     then)
   */
  @Transactional
  TokenPair signIn(ProviderIdentity identity, String traceId) {
    Account account = linkedTo(identity).orElseGet(() -> linkOrCreate(identity, traceId));
    if (account.suspended()) {
      throw new AccountSuspendedException();
    }
    return sessions.start(
        account.id(),
        account.email(),
        account.emailVerified(),
        identity.provider().signInMethod(),
        traceId);
  }

  private Account linkOrCreate(ProviderIdentity identity, String traceId) {
    EmailAddress email =
        identity
            .email()
            .orElseThrow(
                () ->
                    new OAuthSignInRefusedException(
                        identity.provider().displayName()
                            + " did not share your email address. Allow access to it and sign in again."));
    if (!identity.hasVerifiedEmail()) {
      return createUnverified(identity, email, traceId);
    }
    return withEmail(email)
        .or(() -> create(identity, email, true, traceId))
        // created by a concurrent sign-in or registration between our look-up and our insert
        .or(() -> withEmail(email))
        .map(existing -> link(existing, identity, traceId))
        .orElseThrow(
            () -> new IllegalStateException("no account with the address after inserting it"));
  }

  /**
   * Linking on an unproven address would hand its account to whoever typed it in at the provider,
   * and making it verified would let that person be promoted to ADMIN: so a provider that says the
   * address is unverified is refused, and one that says nothing (Facebook) gets a new account of
   * its own, unverified, only while no account holds the address.
   */
  private Account createUnverified(ProviderIdentity identity, EmailAddress email, String traceId) {
    if (identity.provider().saysWhetherAddressIsVerified()) {
      throw new OAuthSignInRefusedException(
          "Your email address is not verified at "
              + identity.provider().displayName()
              + ". Verify it there, or sign in another way.");
    }
    Account created =
        create(identity, email, false, traceId)
            .orElseThrow(
                () ->
                    new OAuthSignInRefusedException(
                        "An account with your email address exists already, and "
                            + identity.provider().displayName()
                            + " does not confirm that the address is yours. Sign in with your password, or reset it by email."));
    linkIdentity(created, identity, true);
    return created;
  }

  /**
   * Links the identity to an existing account. If its address was not verified yet, whoever
   * registered it may not be its owner (the provider just proved the signer-in is): the password
   * they chose is cleared and their sessions end, so the account now belongs to the owner alone.
   */
  private Account link(Account account, ProviderIdentity identity, String traceId) {
    linkIdentity(account, identity, false);
    if (account.emailVerified()) {
      return account;
    }
    boolean claimed =
        jdbc.sql(
                    """
            UPDATE users SET email_verified = true, password_hash = NULL, updated_at = now()
            WHERE id = :id AND NOT email_verified
            """)
                .param("id", account.id())
                .update()
            == 1;
    if (claimed) {
      log.info(
          "Verified account {} through {}; its password was cleared and its sessions ended",
          account.id(),
          identity.provider().displayName());
      sessions.endAll(account.id());
      events.publish(account.id(), traceId, EmailVerified.newBuilder().setEmail(account.email()));
    }
    return new Account(account.id(), account.email(), true, account.suspended());
  }

  /**
   * @param addressUnproven the provider did not vouch for the address the account was found or made
   *     by
   */
  private void linkIdentity(Account account, ProviderIdentity identity, boolean addressUnproven) {
    jdbc.sql(
            """
            INSERT INTO user_identities (provider, subject, user_id, linked_at, address_unproven)
            VALUES (:provider, :subject, :userId, :now, :addressUnproven)
            ON CONFLICT (provider, subject) DO NOTHING
            """)
        .param("addressUnproven", addressUnproven)
        .param("provider", identity.provider().registrationId())
        .param("subject", identity.subject())
        .param("userId", account.id())
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * @return the new account, or empty when an account with the address exists already
   */
  private Optional<Account> create(
      ProviderIdentity identity, EmailAddress email, boolean verified, String traceId) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    String displayName = identity.displayName(email);
    int inserted =
        jdbc.sql(
                """
            INSERT INTO users (id, email, display_name, password_hash, email_verified, created_at)
            VALUES (:id, :email, :displayName, NULL, :verified, :createdAt)
            ON CONFLICT DO NOTHING
            """)
            .param("id", id)
            .param("email", email.value())
            .param("displayName", displayName)
            .param("verified", verified)
            .param("createdAt", Timestamp.from(now))
            .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, 'RESIDENT')")
        .param("id", id)
        .update();
    events.publish(
        id,
        traceId,
        UserRegistered.newBuilder()
            .setEmail(email.value())
            .setDisplayName(displayName)
            .setSignupMethod(identity.provider().signupMethod()));
    // as the provider left it: a verified one is not cleared or announced again by link()
    return Optional.of(new Account(id, email.value(), verified, false));
  }

  /**
   * The account linked to the identity. A link made on an address the provider did not vouch for
   * stops working once someone proved the address by our mail (a reset, a verification): that
   * person owns the account now, and whoever typed the address in at the provider must not follow.
   */
  private Optional<Account> linkedTo(ProviderIdentity identity) {
    return jdbc.sql(
            """
            SELECT u.id, u.email, u.email_verified, u.suspended, i.address_unproven
            FROM user_identities i JOIN users u ON u.id = i.user_id
            WHERE i.provider = :provider AND i.subject = :subject
            """)
        .param("provider", identity.provider().registrationId())
        .param("subject", identity.subject())
        .query(
            (rs, n) -> {
              if (rs.getBoolean("address_unproven") && rs.getBoolean("email_verified")) {
                throw new OAuthSignInRefusedException(
                    "The email address of this account was confirmed by email since it "
                        + "was made through "
                        + identity.provider().displayName()
                        + ". Sign in with its password.");
              }
              return account(rs, n);
            })
        .optional();
  }

  private Optional<Account> withEmail(EmailAddress email) {
    // locked, so a concurrent password reset or verification cannot interleave with the claim
    return jdbc.sql(
            "SELECT id, email, email_verified, suspended FROM users WHERE email = :email FOR UPDATE")
        .param("email", email.value())
        .query(OAuthAccounts::account)
        .optional();
  }

  private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getBoolean("email_verified"),
        rs.getBoolean("suspended"));
  }

  private record Account(UUID id, String email, boolean emailVerified, boolean suspended) {}
}
