package io.digitaltowns.api.accounts.login;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.events.accounts.SignInMethod;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs in with email and password, within the sign-in limits: the one place both POST
 * /api/auth/login and the site's sign-in pages go through, so the limits cannot be forgotten or
 * applied differently by either.
 */
@Service
public class PasswordSignIn {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  private final AbuseLimits abuseLimits;
  private final TransactionTemplate transaction;

  /** compared against when the address is unknown, so both cases take as long */
  private final String decoyHash;

  PasswordSignIn(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      Sessions sessions,
      AbuseLimits abuseLimits,
      TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.sessions = sessions;
    this.abuseLimits = abuseLimits;
    this.transaction = transaction;
    this.decoyHash = passwords.encode("decoy password for unknown accounts");
  }

  /**
   * Only failures count against the account, and only from the address they come from (issue 16,
   * finding 5): the attempt takes its token before the password is checked and hands it back when
   * the sign-in succeeded.
   *
   * @param clientAddress the client's address, from {@link
   *     io.digitaltowns.api.ratelimit.ClientAddress#of}
   * @throws InvalidCredentialsException when the address is unknown, the account has no password or
   *     it is wrong
   * @throws AccountSuspendedException when the account is suspended
   * @throws io.digitaltowns.api.ratelimit.TooManyRequestsException when the address, or this
   *     account from this address, has used up its attempts (the password is not checked then)
   */
  public TokenPair signIn(LoginRequest request, String clientAddress, String traceId) {
    AbuseLimits.Attempt attempt =
        abuseLimits.attempt(LimitedAction.LOGIN, clientAddress, request.email());
    // the limits' store is not part of the transaction: the token is taken before it and handed
    // back after it
    TokenPair tokens = transaction.execute(status -> checkedSignIn(request, traceId));
    attempt.succeeded();
    return tokens;
  }

  private TokenPair checkedSignIn(LoginRequest request, String traceId) {
    String email = request.emailAddress().value();
    Optional<Account> found =
        jdbc.sql(
                """
            SELECT id, email, password_hash, email_verified, suspended FROM users WHERE email = :email
            """)
            .param("email", email)
            .query(
                (rs, n) ->
                    new Account(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        rs.getBoolean("email_verified"),
                        rs.getBoolean("suspended")))
            .optional();
    // accounts created through Google or Facebook have no password: they fail like a wrong one
    String hash = found.map(Account::passwordHash).orElse(null);
    boolean matches =
        passwords.matches(request.password(), hash != null ? hash : decoyHash) && hash != null;
    if (!matches) {
      throw new InvalidCredentialsException();
    }
    Account account = found.get();
    if (account.suspended()) {
      throw new AccountSuspendedException();
    }
    return sessions.start(
        account.id(), account.email(), account.emailVerified(), SignInMethod.PASSWORD, traceId);
  }

  private record Account(
      UUID id, String email, String passwordHash, boolean emailVerified, boolean suspended) {}
}
