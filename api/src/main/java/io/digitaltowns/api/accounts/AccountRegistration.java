package io.digitaltowns.api.accounts;

import io.digitaltowns.api.accounts.links.EmailLinkTokenStore;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates an account and its {@code UserRegistered} event in one transaction. */
@Service
public class AccountRegistration {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final OutboxWriter outbox;
  private final EmailLinkTokenStore links;

  AccountRegistration(
      JdbcClient jdbc, PasswordEncoder passwords, OutboxWriter outbox, EmailLinkTokenStore links) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.outbox = outbox;
    this.links = links;
  }

  @Transactional
  public RegisteredUser register(RegistrationRequest request, String traceId) {
    UUID id = UUID.randomUUID();
    String email = request.emailAddress().value();
    String displayName = DisplayName.parse(request.displayName());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    // ON CONFLICT makes two concurrent registrations of one address end in exactly one account; no
    // target, so
    // an older row in another case (before V11 made addresses one normal form) is a conflict too
    int inserted =
        jdbc.sql(
                """
            INSERT INTO users (id, email, display_name, password_hash, email_verified, created_at)
            VALUES (:id, :email, :displayName, :passwordHash, false, :createdAt)
            ON CONFLICT DO NOTHING
            """)
            .param("id", id)
            .param("email", email)
            .param("displayName", displayName)
            .param("passwordHash", passwords.encode(request.password()))
            .param("createdAt", java.sql.Timestamp.from(now))
            .update();
    if (inserted == 0) {
      throw new EmailAlreadyRegisteredException();
    }
    UUID eventId =
        outbox.publish(
            id,
            traceId,
            UserRegistered.newBuilder()
                .setEmail(email)
                .setDisplayName(displayName)
                .setSignupMethod(SignupMethod.PASSWORD));
    jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (:id, 'RESIDENT')")
        .param("id", id)
        .update();
    // the welcome mail carries the verification link whose token the consumer derives from this
    // event
    links.remember(id, Purpose.VERIFY_EMAIL, eventId);
    return new RegisteredUser(id, email, displayName, false);
  }
}
