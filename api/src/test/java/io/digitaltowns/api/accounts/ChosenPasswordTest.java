package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 16, finding 9: bcrypt reads 72 bytes; longer passwords answered 500. */
class ChosenPasswordTest extends ApiHttpTest {

  /** 30 characters, well under the 128 allowed, but 90 bytes in UTF-8 */
  private static final String NINETY_BYTES = "€".repeat(30);

  /** 24 × 3 bytes: exactly at the limit */
  private static final String SEVENTY_TWO_BYTES = "€".repeat(24);

  @Test
  void registering_with_a_password_over_72_bytes_is_a_400_that_says_so() {
    assertThat(NINETY_BYTES.getBytes(StandardCharsets.UTF_8)).hasSize(90);

    HttpResponse<String> response =
        post(
            "/api/auth/register",
            null,
            json()
                .put("email", uniqueEmail("long-pw"))
                .put("password", NINETY_BYTES)
                .put("displayName", "Long"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").toString()).contains("password").contains("72 bytes");
  }

  @Test
  void a_password_of_exactly_72_bytes_registers_and_signs_in() {
    String email = uniqueEmail("edge-pw");

    HttpResponse<String> registered =
        post(
            "/api/auth/register",
            null,
            json()
                .put("email", email)
                .put("password", SEVENTY_TWO_BYTES)
                .put("displayName", "Edge"));

    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(login(email, SEVENTY_TWO_BYTES).statusCode()).isEqualTo(200);
  }

  @Test
  void signing_in_with_a_password_over_72_bytes_is_a_plain_401() {
    Member member = registerAndSignIn("long-guess");

    assertThat(login(member.email(), NINETY_BYTES).statusCode()).isEqualTo(401);
  }

  @Test
  void a_reset_to_a_password_over_72_bytes_is_a_400_and_keeps_the_link() {
    Member member = registerAndSignIn("long-reset");
    post("/api/auth/forgot-password", null, json().put("email", member.email()));
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    HttpResponse<String> response =
        post(
            "/api/auth/reset-password",
            null,
            json().put("token", token).put("password", NINETY_BYTES));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("72 bytes");
    assertThat(
            post(
                    "/api/auth/reset-password",
                    null,
                    json().put("token", token).put("password", "a fine passphrase"))
                .statusCode())
        .isEqualTo(204);
  }
}
