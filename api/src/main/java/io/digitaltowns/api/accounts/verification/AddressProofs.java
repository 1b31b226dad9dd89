package io.digitaltowns.api.accounts.verification;

import io.digitaltowns.api.accounts.AdminPromotion;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.accounts.EmailVerified;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that the owner of an account's address proved it and chose the account's password
 * (confirming through the welcome link, or a reset through the reset link): the address is verified
 * (with an {@code EmailVerified} event the first time) and, when listed in ADMIN_EMAILS, the
 * account becomes ADMIN. The caller has already set the password and ended every earlier session.
 */
@Component
public class AddressProofs {

  private final JdbcClient jdbc;
  private final OutboxWriter events;
  private final AdminPromotion adminPromotion;

  AddressProofs(JdbcClient jdbc, OutboxWriter events, AdminPromotion adminPromotion) {
    this.jdbc = jdbc;
    this.events = events;
    this.adminPromotion = adminPromotion;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void provenByOwner(UUID userId, String email, String traceId) {
    boolean newlyVerified =
        jdbc.sql(
                    """
            UPDATE users SET email_verified = true, updated_at = now() WHERE id = :id AND NOT email_verified
            """)
                .param("id", userId)
                .update()
            == 1;
    if (newlyVerified) {
      events.publish(userId, traceId, EmailVerified.newBuilder().setEmail(email));
    }
    adminPromotion.promoteIfListed(userId, email, true, traceId);
  }
}
