package io.digitaltowns.api.accounts.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The link tokens are derived here exactly as the email consumer derives them for the mail. */
class EmailVerificationTest extends ApiHttpTest {

  @Test
  void the_link_from_the_welcome_mail_verifies_the_address_once() {
    Member member = registerAndSignIn("verify");
    String token = linkTokenFromNewestEvent(member.id(), "UserRegistered", Purpose.VERIFY_EMAIL);

    HttpResponse<String> verified = get("/api/auth/verify-email?token=" + token, null);

    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(read(get("/api/me", member.accessToken())).get("emailVerified").asBoolean()).isTrue();
    assertThat(outboxEvents(member.id(), "EmailVerified")).isEqualTo(1);
    HttpResponse<String> again = get("/api/auth/verify-email?token=" + token, null);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).doesNotContain(token);
  }

  @Test
  void asking_again_sends_a_new_link_and_the_old_one_stops_working() {
    Member member = registerAndSignIn("resend");
    String oldToken = linkTokenFromNewestEvent(member.id(), "UserRegistered", Purpose.VERIFY_EMAIL);

    assertThat(post("/api/auth/verify-email/resend", null, json().put("email", member.email())).statusCode()).isEqualTo(202);

    assertThat(outboxEvents(member.id(), "EmailVerificationRequested")).isEqualTo(1);
    assertThat(post("/api/auth/verify-email", null, json().put("token", oldToken)).statusCode()).isEqualTo(400);
    String newToken = linkTokenFromNewestEvent(member.id(), "EmailVerificationRequested", Purpose.VERIFY_EMAIL);
    assertThat(post("/api/auth/verify-email", null, json().put("token", newToken)).statusCode()).isEqualTo(200);
  }

  @Test
  void asking_for_a_link_for_an_unknown_address_answers_the_same_and_sends_nothing() {
    long before = jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();

    HttpResponse<String> response = post("/api/auth/verify-email/resend", null, json().put("email", uniqueEmail("ghost")));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void a_reset_password_token_does_not_verify_an_address() {
    Member member = registerAndSignIn("crossover");
    post("/api/auth/forgot-password", null, json().put("email", member.email()));
    String resetToken = linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    assertThat(get("/api/auth/verify-email?token=" + resetToken, null).statusCode()).isEqualTo(400);
  }

  @Test
  void a_verified_address_listed_in_admin_emails_becomes_an_admin() {
    HttpResponse<String> registered = post("/api/auth/register", null,
        json().put("email", LISTED_ADMIN).put("password", PASSWORD).put("displayName", "Listed"));
    UUID id = UUID.fromString(read(registered).get("id").asText());
    String before = read(login(LISTED_ADMIN, PASSWORD)).get("accessToken").asText();
    assertThat(get("/api/admin/users", before).statusCode()).as("unverified: not yet an admin").isEqualTo(403);

    get("/api/auth/verify-email?token=" + linkTokenFromNewestEvent(id, "UserRegistered", Purpose.VERIFY_EMAIL), null);

    assertThat(get("/api/admin/users", before).statusCode()).isEqualTo(200);
    assertThat(outboxEvents(id, "UserRoleChanged")).isEqualTo(1);
  }
}
