package io.digitaltowns.api.accounts.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MyAccountTest extends ApiHttpTest {

  @Test
  void i_can_change_my_display_name() {
    Member member = registerAndSignIn("rename");

    HttpResponse<String> renamed =
        patch("/api/me", member.accessToken(), json().put("displayName", "New Name"));

    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(read(get("/api/me", member.accessToken())).get("displayName").asText())
        .isEqualTo("New Name");
    assertThat(patch("/api/me", member.accessToken(), json().put("displayName", " ")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void changing_my_password_needs_the_current_one_and_ends_my_sessions() {
    Member member = registerAndSignIn("changepw");

    HttpResponse<String> wrong =
        post(
            "/api/me/password",
            member.accessToken(),
            json()
                .put("currentPassword", "not my password")
                .put("newPassword", "a brand new passphrase"));
    assertThat(wrong.statusCode()).isEqualTo(400);

    HttpResponse<String> changed =
        post(
            "/api/me/password",
            member.accessToken(),
            json().put("currentPassword", PASSWORD).put("newPassword", "a brand new passphrase"));

    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(login(member.email(), "a brand new passphrase").statusCode()).isEqualTo(200);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
    assertThat(outboxEvents(member.id(), "PasswordChanged")).isEqualTo(1);
  }

  @Test
  void deleting_my_account_with_my_password_erases_it_and_tells_every_consumer() {
    Member member = registerAndSignIn("delete");
    signedInLongAgo(member);

    assertThat(
            delete("/api/me", member.accessToken(), json().put("password", PASSWORD)).statusCode())
        .isEqualTo(204);

    assertThat(
            jdbc.sql("SELECT count(*) FROM users WHERE id = :id")
                .param("id", member.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :id")
                .param("id", member.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(outboxEvents(member.id(), "UserDeleted")).isEqualTo(1);
    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(401);
  }

  /**
   * Issue 16, finding 8: an access token alone, from a session started long ago, cannot delete the
   * account.
   */
  @Test
  void deleting_my_account_needs_my_password_unless_i_signed_in_moments_ago() {
    Member member = registerAndSignIn("delete-guarded");
    String oldSession = signedInLongAgo(member);

    HttpResponse<String> withoutPassword = delete("/api/me", oldSession);
    HttpResponse<String> wrongPassword =
        delete("/api/me", oldSession, json().put("password", "not my password"));

    assertThat(withoutPassword.statusCode()).isEqualTo(403);
    assertThat(read(withoutPassword).get("type").asText()).endsWith("/recent-sign-in-required");
    assertThat(wrongPassword.statusCode()).isEqualTo(400);
    assertThat(outboxEvents(member.id(), "UserDeleted")).isZero();
    String freshSession = read(login(member.email(), PASSWORD)).get("accessToken").asText();
    assertThat(delete("/api/me", freshSession).statusCode())
        .as("right after a sign-in")
        .isEqualTo(204);
  }

  @Test
  void a_delete_body_without_the_password_or_not_json_deletes_nothing_even_right_after_a_sign_in() {
    Member member = registerAndSignIn("delete-body");

    HttpResponse<String> noPassword = delete("/api/me", member.accessToken(), json());
    HttpResponse<String> plainText =
        send(
            request("/api/me", member.accessToken())
                .header("Content-Type", "text/plain")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"x\"}")));

    assertThat(noPassword.statusCode()).isEqualTo(400);
    assertThat(plainText.statusCode()).isEqualTo(415);
    assertThat(outboxEvents(member.id(), "UserDeleted")).isZero();
  }

  /** Issue 16, finding 8: a stolen access token is no password oracle. */
  @Test
  void guessing_the_current_password_is_slowed_down() {
    Member member = registerAndSignIn("pw-guesser");
    for (int guess = 1; guess <= 5; guess++) {
      assertThat(
              post(
                      "/api/me/password",
                      member.accessToken(),
                      json()
                          .put("currentPassword", "guess " + guess)
                          .put("newPassword", "a brand new passphrase"))
                  .statusCode())
          .isEqualTo(400);
    }

    HttpResponse<String> refused =
        post(
            "/api/me/password",
            member.accessToken(),
            json().put("currentPassword", PASSWORD).put("newPassword", "a brand new passphrase"));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  /** Issue 16, finding 9: bcrypt's 72-byte limit answered 500. */
  @Test
  void a_new_password_over_72_bytes_is_a_400_that_says_so() {
    Member member = registerAndSignIn("pw-long");

    HttpResponse<String> response =
        post(
            "/api/me/password",
            member.accessToken(),
            json().put("currentPassword", PASSWORD).put("newPassword", "€".repeat(30)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("newPassword").contains("72 bytes");
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  /**
   * Moves the member's session start back an hour and refreshes: the access token of a session
   * begun long ago.
   */
  private String signedInLongAgo(Member member) {
    jdbc.sql(
            "UPDATE refresh_tokens SET session_started_at = now() - interval '1 hour' WHERE user_id = :id")
        .param("id", member.id())
        .update();
    HttpResponse<String> refreshed =
        post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    return read(refreshed).get("accessToken").asText();
  }
}
