package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16 finding 1: an address that only looks like another (a dotless ı, a Kelvin sign, a
 * Cyrillic о, a zero-width joiner…) is refused wherever an address comes in, so it can neither
 * become a second account nor sign in to, reset or re-verify the one it imitates.
 */
class ConfusableAddressTest extends ApiHttpTest {

  /** the imitated account: registered once for the class (see {@link #victim()}) */
  private static final String LOCAL = "ops-admin-" + UUID.randomUUID().toString().substring(0, 6);

  private static final String DOMAIN = "digitaltowns.org";
  private static UUID victimId;

  static List<Confusables.Confusable> confusables() {
    return Confusables.of(LOCAL, DOMAIN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confusables")
  void registering_a_look_alike_is_a_bad_request_naming_the_email_and_writes_nothing(
      Confusables.Confusable confusable) {
    victim();
    long usersBefore = count("SELECT count(*) FROM users");
    long eventsBefore = count("SELECT count(*) FROM outbox");

    HttpResponse<String> response =
        post(
            "/api/auth/register",
            null,
            json()
                .put("email", confusable.address())
                .put("password", PASSWORD)
                .put("displayName", "Look Alike"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(read(response).get("errors").findValuesAsText("field")).containsExactly("email");
    assertThat(count("SELECT count(*) FROM users")).isEqualTo(usersBefore);
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(eventsBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confusables")
  void a_look_alike_with_the_right_password_does_not_sign_in_to_the_account_it_imitates(
      Confusables.Confusable confusable) {
    UUID victim = victim();
    long signInsBefore = outboxEvents(victim, "UserSignedIn");

    HttpResponse<String> response = login(confusable.address(), PASSWORD);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("accessToken");
    assertThat(outboxEvents(victim, "UserSignedIn")).isEqualTo(signInsBefore);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confusables")
  void a_look_alike_asks_for_no_reset_link_and_no_verification_link_of_the_account_it_imitates(
      Confusables.Confusable confusable) {
    UUID victim = victim();

    HttpResponse<String> reset =
        post("/api/auth/forgot-password", null, json().put("email", confusable.address()));
    HttpResponse<String> resend =
        post("/api/auth/verify-email/resend", null, json().put("email", confusable.address()));

    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(400);
    assertThat(resend.statusCode()).as(resend.body()).isEqualTo(400);
    assertThat(outboxEvents(victim, "PasswordResetRequested")).isZero();
    assertThat(outboxEvents(victim, "EmailVerificationRequested")).isZero();
  }

  @org.junit.jupiter.api.Test
  void the_imitated_address_itself_in_another_case_still_signs_in() {
    victim();
    assertThat(
            login((LOCAL + "@" + DOMAIN).toUpperCase(java.util.Locale.ROOT), PASSWORD).statusCode())
        .isEqualTo(200);
  }

  private synchronized UUID victim() {
    if (victimId == null) {
      HttpResponse<String> registered =
          post(
              "/api/auth/register",
              null,
              json()
                  .put("email", LOCAL + "@" + DOMAIN)
                  .put("password", PASSWORD)
                  .put("displayName", "Ops Admin"));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      victimId = UUID.fromString(read(registered).get("id").asText());
    }
    return victimId;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
