package io.digitaltowns.api.accounts.login;

import io.digitaltowns.api.accounts.tokens.Sessions;
import io.digitaltowns.api.accounts.tokens.TokenPair;
import io.digitaltowns.events.accounts.SignInMethod;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs in with email and password. */
@Service
public class PasswordSignIn {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  /** compared against when the address is unknown, so both cases take as long */
  private final String decoyHash;

  PasswordSignIn(JdbcClient jdbc, PasswordEncoder passwords, Sessions sessions) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.sessions = sessions;
    this.decoyHash = passwords.encode("decoy password for unknown accounts");
  }

  @Transactional
  public TokenPair signIn(LoginRequest request, String traceId) {
    String email = request.emailAddress().value();
    Optional<Account> found = jdbc.sql("""
            SELECT id, email, password_hash, email_verified, suspended FROM users WHERE email = :email
            """)
        .param("email", email)
        .query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
            rs.getBoolean("email_verified"), rs.getBoolean("suspended")))
        .optional();
    // accounts created through Google or Facebook have no password: they fail like a wrong one
    String hash = found.map(Account::passwordHash).orElse(null);
    boolean matches = passwords.matches(request.password(), hash != null ? hash : decoyHash) && hash != null;
    if (!matches) {
      throw new InvalidCredentialsException();
    }
    Account account = found.get();
    if (account.suspended()) {
      throw new AccountSuspendedException();
    }
    return sessions.start(account.id(), account.email(), account.emailVerified(), SignInMethod.PASSWORD, traceId);
  }

  private record Account(UUID id, String email, String passwordHash, boolean emailVerified, boolean suspended) {
  }
}
