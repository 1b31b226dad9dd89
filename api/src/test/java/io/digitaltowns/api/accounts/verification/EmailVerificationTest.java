package io.digitaltowns.api.accounts.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Confirming an address (issue 16, finding 2). The link tokens are derived here exactly as the
 * email consumer derives them for the mail.
 */
class EmailVerificationTest extends ApiHttpTest {

  private static final String OWNERS_PASSWORD = "the owner's own passphrase";

  @Test
  void fetching_the_link_changes_nothing_and_leads_to_the_confirmation_page() {
    Member member = registerAndSignIn("prefetch");
    String token = linkTokenFromNewestEvent(member.id(), "UserRegistered", Purpose.VERIFY_EMAIL);

    HttpResponse<String> fetched = get("/api/auth/verify-email?token=" + token, null);
    HttpResponse<String> fetchedAgain = get("/api/auth/verify-email?token=" + token, null);

    assertThat(fetched.statusCode()).isEqualTo(303);
    assertThat(fetched.headers().firstValue("Location")).hasValue("/verify-email?token=" + token);
    assertThat(fetchedAgain.statusCode()).as("a scanner's fetch used nothing up").isEqualTo(303);
    assertThat(read(get("/api/me", member.accessToken())).get("emailVerified").asBoolean())
        .isFalse();
    assertThat(outboxEvents(member.id(), "EmailVerified")).isZero();
    assertThat(login(member.email(), PASSWORD).statusCode())
        .as("the registrant's session and password untouched")
        .isEqualTo(200);
    assertThat(confirm(token, OWNERS_PASSWORD).statusCode())
        .as("the link still confirms")
        .isEqualTo(200);
  }

  @Test
  void confirming_makes_the_address_owner_the_sole_holder_of_a_squatted_account() {
    // the squatter registers the victim's address with a password of their own and signs in
    Member squatter = registerAndSignIn("squatted");
    String token = linkTokenFromNewestEvent(squatter.id(), "UserRegistered", Purpose.VERIFY_EMAIL);
    assertThat(get("/api/me", squatter.accessToken()).statusCode()).isEqualTo(200);

    // the victim opens the welcome mail and confirms with a password they choose
    HttpResponse<String> confirmed = confirm(token, OWNERS_PASSWORD);

    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    JsonNode ownersSession = read(confirmed);
    assertThat(get("/api/me", squatter.accessToken()).statusCode())
        .as("squatter's access token")
        .isEqualTo(401);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", squatter.refreshToken()))
                .statusCode())
        .as("squatter's refresh token")
        .isEqualTo(401);
    assertThat(login(squatter.email(), PASSWORD).statusCode())
        .as("squatter's password")
        .isEqualTo(401);
    JsonNode owner = read(get("/api/me", ownersSession.get("accessToken").asText()));
    assertThat(owner.get("id").asText()).isEqualTo(squatter.id().toString());
    assertThat(owner.get("emailVerified").asBoolean()).isTrue();
    assertThat(login(squatter.email(), OWNERS_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(
            post(
                    "/api/auth/refresh",
                    null,
                    json().put("refreshToken", ownersSession.get("refreshToken").asText()))
                .statusCode())
        .isEqualTo(200);
    assertThat(outboxEvents(squatter.id(), "EmailVerified")).isEqualTo(1);
    assertThat(outboxEvents(squatter.id(), "PasswordChanged"))
        .as("no 'your password was changed' mail")
        .isZero();
  }

  @Test
  void a_link_confirms_once() {
    Member member = registerAndSignIn("once");
    String token = linkTokenFromNewestEvent(member.id(), "UserRegistered", Purpose.VERIFY_EMAIL);
    assertThat(confirm(token, OWNERS_PASSWORD).statusCode()).isEqualTo(200);

    HttpResponse<String> again = confirm(token, "someone else's passphrase");

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).doesNotContain(token);
    assertThat(login(member.email(), OWNERS_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void a_password_the_rules_refuse_leaves_the_link_unused() {
    Member member = registerAndSignIn("weak");
    String token = linkTokenFromNewestEvent(member.id(), "UserRegistered", Purpose.VERIFY_EMAIL);

    HttpResponse<String> tooShort = confirm(token, "short");
    HttpResponse<String> tooLong = confirm(token, "€".repeat(30));
    HttpResponse<String> missing = post("/api/auth/verify-email", null, json().put("token", token));

    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("72 bytes");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(read(get("/api/me", member.accessToken())).get("emailVerified").asBoolean())
        .isFalse();
    assertThat(confirm(token, OWNERS_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void asking_again_sends_a_new_link_and_the_old_one_stops_working() {
    Member member = registerAndSignIn("resend");
    String oldToken = linkTokenFromNewestEvent(member.id(), "UserRegistered", Purpose.VERIFY_EMAIL);

    assertThat(
            post("/api/auth/verify-email/resend", null, json().put("email", member.email()))
                .statusCode())
        .isEqualTo(202);

    assertThat(outboxEvents(member.id(), "EmailVerificationRequested")).isEqualTo(1);
    assertThat(confirm(oldToken, OWNERS_PASSWORD).statusCode()).isEqualTo(400);
    String newToken =
        linkTokenFromNewestEvent(member.id(), "EmailVerificationRequested", Purpose.VERIFY_EMAIL);
    assertThat(confirm(newToken, OWNERS_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void asking_for_a_link_for_an_unknown_address_answers_the_same_and_sends_nothing() {
    long before = jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();

    HttpResponse<String> response =
        post("/api/auth/verify-email/resend", null, json().put("email", uniqueEmail("ghost")));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void a_reset_password_token_does_not_verify_an_address() {
    Member member = registerAndSignIn("crossover");
    post("/api/auth/forgot-password", null, json().put("email", member.email()));
    String resetToken =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    assertThat(confirm(resetToken, OWNERS_PASSWORD).statusCode()).isEqualTo(400);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void a_listed_admin_address_registered_by_a_squatter_makes_only_the_confirming_owner_admin() {
    HttpResponse<String> registered =
        post(
            "/api/auth/register",
            null,
            json()
                .put("email", LISTED_ADMIN)
                .put("password", PASSWORD)
                .put("displayName", "Squatter"));
    UUID id = UUID.fromString(read(registered).get("id").asText());
    String squatters = read(login(LISTED_ADMIN, PASSWORD)).get("accessToken").asText();
    assertThat(get("/api/admin/users", squatters).statusCode())
        .as("unproven: not an admin")
        .isEqualTo(403);
    String token = linkTokenFromNewestEvent(id, "UserRegistered", Purpose.VERIFY_EMAIL);
    assertThat(get("/api/auth/verify-email?token=" + token, null).statusCode()).isEqualTo(303);
    String squattersLater = read(login(LISTED_ADMIN, PASSWORD)).get("accessToken").asText();
    assertThat(get("/api/admin/users", squattersLater).statusCode())
        .as("a fetched link grants nothing")
        .isEqualTo(403);
    assertThat(outboxEvents(id, "UserRoleChanged")).isZero();

    String owners = read(confirm(token, OWNERS_PASSWORD)).get("accessToken").asText();

    assertThat(get("/api/admin/users", owners).statusCode()).isEqualTo(200);
    assertThat(outboxEvents(id, "UserRoleChanged")).isEqualTo(1);
    assertThat(get("/api/admin/users", squatters).statusCode()).isEqualTo(401);
    assertThat(get("/api/admin/users", squattersLater).statusCode()).isEqualTo(401);
    assertThat(login(LISTED_ADMIN, PASSWORD).statusCode())
        .as("the squatter cannot sign in again")
        .isEqualTo(401);
  }

  private HttpResponse<String> confirm(String token, String password) {
    return post(
        "/api/auth/verify-email", null, json().put("token", token).put("password", password));
  }
}
