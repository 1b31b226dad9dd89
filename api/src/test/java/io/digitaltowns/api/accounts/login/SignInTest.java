package io.digitaltowns.api.accounts.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    assertThat(wrongPassword.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(wrongPassword.body()).doesNotContain("not the password at all");
  }

  @Test
  void refreshing_rotates_the_refresh_token() {
    Member member = registerAndSignIn("rotate");

    HttpResponse<String> refreshed =
        post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()));

    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode tokens = read(refreshed);
    assertThat(tokens.get("refreshToken").asText()).isNotEqualTo(member.refreshToken());
    assertThat(get("/api/me", tokens.get("accessToken").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void reusing_an_old_refresh_token_revokes_the_whole_family() {
    Member member = registerAndSignIn("reuse");
    String rotated =
        read(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())))
            .get("refreshToken")
            .asText();

    HttpResponse<String> replay =
        post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()));

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", rotated)).statusCode())
        .as("the legitimate holder's newer token dies with the family")
        .isEqualTo(401);
  }

  @Test
  void logging_out_ends_that_session_only() {
    Member member = registerAndSignIn("logout");
    String otherSession = read(login(member.email(), PASSWORD)).get("refreshToken").asText();

    assertThat(
            post("/api/auth/logout", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(204);

    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", otherSession)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void logging_out_everywhere_ends_every_session() {
    Member member = registerAndSignIn("everywhere");
    String otherSession = read(login(member.email(), PASSWORD)).get("refreshToken").asText();

    assertThat(post("/api/auth/logout-all", member.accessToken(), null).statusCode())
        .isEqualTo(204);

    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", otherSession)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void after_five_failures_from_one_address_the_next_attempt_there_is_refused_with_retry_after() {
    Member member = registerAndSignIn("hammered");
    Member bystander = registerAndSignIn("bystander");
    assertThat(login(member.email(), PASSWORD).statusCode())
        .as("successes do not count")
        .isEqualTo(200);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(login(member.email(), "guess number " + attempt).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> refused = login(member.email(), PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).doesNotContain(member.email());
    assertThat(login(bystander.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  /** Issue 16, finding 5: guessing someone's password must not lock them out. */
  @Test
  void an_attacker_guessing_at_the_limit_from_one_address_never_locks_the_owner_out_from_another()
      throws Exception {
    Member owner = registerAndSignIn("besieged");
    int guesses = 0;
    int refusedGuesses = 0;
    int ownerSignIns = 0;

    for (int round = 1; round <= 10; round++) {
      int guess = loginFrom(ATTACKER_ADDRESS, owner.email(), "guess number " + round);
      guesses++;
      if (guess == 429) {
        refusedGuesses++;
      } else {
        assertThat(guess).isEqualTo(401);
      }
      assertThat(login(owner.email(), PASSWORD).statusCode())
          .as("the owner's sign-in in round %d", round)
          .isEqualTo(200);
      ownerSignIns++;
    }

    assertThat(refusedGuesses)
        .as("guesses beyond the five failures allowed")
        .isEqualTo(guesses - 5);
    assertThat(loginFrom(ATTACKER_ADDRESS, owner.email(), PASSWORD))
        .as("even the right password, from there")
        .isEqualTo(429);
    assertThat(ownerSignIns).isEqualTo(10);
    assertThat(login(owner.email(), "the owner mistypes once").statusCode()).isEqualTo(401);
    assertThat(login(owner.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  /** Another loopback address than the test client's: the api sees it as the client's address. */
  private static final String ATTACKER_ADDRESS = "127.0.0.2";

  /**
   * A sign-in sent from {@code localAddress}, over a plain HTTP/1.1 connection; the status code.
   */
  private int loginFrom(String localAddress, String email, String password) throws IOException {
    byte[] body =
        json()
            .put("email", email)
            .put("password", password)
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    try (Socket socket =
        new Socket(
            InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/auth/login HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String statusLine =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  @Test
  void an_invalid_login_body_is_a_400_naming_the_fields() {
    HttpResponse<String> response =
        post("/api/auth/login", null, json().put("email", "not-an-email"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").findValuesAsText("field"))
        .contains("email", "password");
  }
}
