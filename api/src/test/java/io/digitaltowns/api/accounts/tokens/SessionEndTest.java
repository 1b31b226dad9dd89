package io.digitaltowns.api.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever ends a user's sessions ends every access token at once, not when it expires (issue 16,
 * finding 8), and a refresh-token chain ends at its absolute lifetime.
 */
class SessionEndTest extends ApiHttpTest {

  @Test
  void signing_out_everywhere_refuses_every_earlier_access_token_at_once() {
    Member member = registerAndSignIn("logout-all");
    String otherDevice = read(login(member.email(), PASSWORD)).get("accessToken").asText();

    assertThat(post("/api/auth/logout-all", member.accessToken(), null).statusCode())
        .isEqualTo(204);

    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(get("/api/me", otherDevice).statusCode()).isEqualTo(401);
    assertThat(
            get("/api/me", read(login(member.email(), PASSWORD)).get("accessToken").asText())
                .statusCode())
        .as("a new sign-in works")
        .isEqualTo(200);
  }

  @Test
  void changing_the_password_refuses_every_earlier_access_token_at_once() {
    Member member = registerAndSignIn("change-ends");
    String otherDevice = read(login(member.email(), PASSWORD)).get("accessToken").asText();

    assertThat(
            post(
                    "/api/me/password",
                    member.accessToken(),
                    json()
                        .put("currentPassword", PASSWORD)
                        .put("newPassword", "a brand new passphrase"))
                .statusCode())
        .isEqualTo(204);

    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(get("/api/me", otherDevice).statusCode()).isEqualTo(401);
  }

  @Test
  void a_reset_refuses_every_earlier_access_token_at_once_and_proves_the_address() {
    Member member = registerAndSignIn("reset-ends");
    assertThat(
            post("/api/auth/forgot-password", null, json().put("email", member.email()))
                .statusCode())
        .isEqualTo(202);
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    assertThat(
            post(
                    "/api/auth/reset-password",
                    null,
                    json().put("token", token).put("password", "the reset passphrase"))
                .statusCode())
        .isEqualTo(204);

    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
    JsonNode me =
        read(
            get(
                "/api/me",
                read(login(member.email(), "the reset passphrase")).get("accessToken").asText()));
    assertThat(me.get("emailVerified").asBoolean()).isTrue();
    assertThat(outboxEvents(member.id(), "EmailVerified")).isEqualTo(1);
  }

  @Test
  void a_suspension_ends_access_tokens_for_good_even_after_reinstatement() {
    Member admin = admin();
    Member member = registerAndSignIn("suspend-ends");

    assertThat(
            post("/api/admin/users/" + member.id() + "/suspend", admin.accessToken(), null)
                .statusCode())
        .isLessThan(300);
    assertThat(
            post("/api/admin/users/" + member.id() + "/reinstate", admin.accessToken(), null)
                .statusCode())
        .isLessThan(300);

    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void refreshing_keeps_a_session_alive_only_until_its_absolute_lifetime() {
    Member member = registerAndSignIn("absolute");
    JsonNode refreshed =
        read(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())));
    Instant startedAt =
        jdbc.sql("SELECT min(session_started_at) FROM refresh_tokens WHERE user_id = :id")
            .param("id", member.id())
            .query(Timestamp.class)
            .single()
            .toInstant();
    List<Timestamp> ends =
        jdbc.sql("SELECT expires_at FROM refresh_tokens WHERE user_id = :id")
            .param("id", member.id())
            .query(Timestamp.class)
            .list();
    assertThat(ends)
        .hasSize(2)
        .allSatisfy(
            end ->
                assertThat(end.toInstant()).isBeforeOrEqualTo(startedAt.plus(Duration.ofDays(30))));

    // the same chain, signed in 31 days ago and refreshed every day since
    jdbc.sql(
            "UPDATE refresh_tokens SET session_started_at = now() - interval '31 days' WHERE user_id = :id")
        .param("id", member.id())
        .update();

    assertThat(
            post(
                    "/api/auth/refresh",
                    null,
                    json().put("refreshToken", refreshed.get("refreshToken").asText()))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void a_refreshed_access_token_keeps_the_time_of_the_sign_in() {
    Member member = registerAndSignIn("auth-time");
    jdbc.sql(
            "UPDATE refresh_tokens SET session_started_at = now() - interval '2 hours' WHERE user_id = :id")
        .param("id", member.id())
        .update();

    String refreshed =
        read(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())))
            .get("accessToken")
            .asText();

    long authTime = claims(refreshed).get(AccessTokens.AUTH_TIME).asLong();
    assertThat(Instant.ofEpochSecond(authTime))
        .isBefore(Instant.now().minus(Duration.ofMinutes(119)));
  }

  /** The payload of a JWT, read without checking it. */
  static JsonNode claims(String accessToken) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
