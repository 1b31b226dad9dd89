package io.digitaltowns.api.accounts.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PasswordResetTest extends ApiHttpTest {

  private static final String NEW_PASSWORD = "a brand new passphrase";

  @Test
  void resetting_sets_the_new_password_and_ends_every_session() {
    Member member = registerAndSignIn("reset");
    assertThat(
            post("/api/auth/forgot-password", null, json().put("email", member.email()))
                .statusCode())
        .isEqualTo(202);
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    HttpResponse<String> reset =
        post(
            "/api/auth/reset-password",
            null,
            json().put("token", token).put("password", NEW_PASSWORD));

    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(401);
    assertThat(login(member.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
    assertThat(outboxEvents(member.id(), "PasswordChanged")).isEqualTo(1);
  }

  @Test
  void a_reset_link_works_once() {
    Member member = registerAndSignIn("once");
    post("/api/auth/forgot-password", null, json().put("email", member.email()));
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);
    post(
        "/api/auth/reset-password", null, json().put("token", token).put("password", NEW_PASSWORD));

    HttpResponse<String> second =
        post(
            "/api/auth/reset-password",
            null,
            json().put("token", token).put("password", "yet another passphrase"));

    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(login(member.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void an_expired_reset_link_is_refused() {
    Member member = registerAndSignIn("expired");
    post("/api/auth/forgot-password", null, json().put("email", member.email()));
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);
    jdbc.sql(
            "UPDATE email_link_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = :id")
        .param("id", member.id())
        .update();

    assertThat(
            post(
                    "/api/auth/reset-password",
                    null,
                    json().put("token", token).put("password", NEW_PASSWORD))
                .statusCode())
        .isEqualTo(400);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void asking_for_an_unknown_address_answers_the_same_and_sends_nothing() {
    long before = jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();

    assertThat(
            post("/api/auth/forgot-password", null, json().put("email", uniqueEmail("ghost")))
                .statusCode())
        .isEqualTo(202);

    assertThat(jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void a_too_short_new_password_is_a_400_and_keeps_the_link_usable() {
    Member member = registerAndSignIn("short");
    post("/api/auth/forgot-password", null, json().put("email", member.email()));
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    HttpResponse<String> tooShort =
        post("/api/auth/reset-password", null, json().put("token", token).put("password", "short"));

    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(read(tooShort).get("errors").findValuesAsText("field")).containsExactly("password");
    assertThat(
            post(
                    "/api/auth/reset-password",
                    null,
                    json().put("token", token).put("password", NEW_PASSWORD))
                .statusCode())
        .isEqualTo(204);
  }
}
