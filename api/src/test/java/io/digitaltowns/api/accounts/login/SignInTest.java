package io.digitaltowns.api.accounts.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SignInTest extends ApiHttpTest {

  @Test
  void signing_in_answers_an_access_token_that_opens_my_account_and_records_the_sign_in() {
    Member member = registerAndSignIn("signin");

    HttpResponse<String> me = get("/api/me", member.accessToken());

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(read(me).get("email").asText()).isEqualTo(member.email());
    assertThat(read(me).get("roles").toString()).contains("RESIDENT");
    assertThat(outboxEvents(member.id(), "UserSignedIn")).isEqualTo(1);
  }

  @Test
  void a_wrong_password_and_an_unknown_email_get_the_same_401() {
    Member member = registerAndSignIn("wrongpw");

    HttpResponse<String> wrongPassword = login(member.email(), "not the password at all");
    HttpResponse<String> unknown = login(uniqueEmail("nobody"), PASSWORD);

    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(read(wrongPassword).get("detail")).isEqualTo(read(unknown).get("detail"));
    assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(wrongPassword.body()).doesNotContain("not the password at all");
  }

  @Test
  void refreshing_rotates_the_refresh_token() {
    Member member = registerAndSignIn("rotate");

    HttpResponse<String> refreshed = post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()));

    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode tokens = read(refreshed);
    assertThat(tokens.get("refreshToken").asText()).isNotEqualTo(member.refreshToken());
    assertThat(get("/api/me", tokens.get("accessToken").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void reusing_an_old_refresh_token_revokes_the_whole_family() {
    Member member = registerAndSignIn("reuse");
    String rotated = read(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())))
        .get("refreshToken").asText();

    HttpResponse<String> replay = post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()));

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", rotated)).statusCode())
        .as("the legitimate holder's newer token dies with the family").isEqualTo(401);
  }

  @Test
  void logging_out_ends_that_session_only() {
    Member member = registerAndSignIn("logout");
    String otherSession = read(login(member.email(), PASSWORD)).get("refreshToken").asText();

    assertThat(post("/api/auth/logout", null, json().put("refreshToken", member.refreshToken())).statusCode()).isEqualTo(204);

    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())).statusCode()).isEqualTo(401);
    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", otherSession)).statusCode()).isEqualTo(200);
  }

  @Test
  void logging_out_everywhere_ends_every_session() {
    Member member = registerAndSignIn("everywhere");
    String otherSession = read(login(member.email(), PASSWORD)).get("refreshToken").asText();

    assertThat(post("/api/auth/logout-all", member.accessToken(), null).statusCode()).isEqualTo(204);

    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())).statusCode()).isEqualTo(401);
    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", otherSession)).statusCode()).isEqualTo(401);
  }

  @Test
  void the_sixth_sign_in_attempt_for_one_account_within_a_quarter_hour_is_refused_with_retry_after() {
    Member member = registerAndSignIn("hammered");
    Member bystander = registerAndSignIn("bystander");
    for (int attempt = 2; attempt <= 5; attempt++) {
      assertThat(login(member.email(), "guess number " + attempt).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> refused = login(member.email(), PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).doesNotContain(member.email());
    assertThat(login(bystander.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void an_invalid_login_body_is_a_400_naming_the_fields() {
    HttpResponse<String> response = post("/api/auth/login", null, json().put("email", "not-an-email"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").findValuesAsText("field")).contains("email", "password");
  }
}
