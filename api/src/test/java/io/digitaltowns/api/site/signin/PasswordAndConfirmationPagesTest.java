package io.digitaltowns.api.site.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordAndConfirmationPagesTest extends SitePageTest {

  private static final String NEW_PASSWORD = "reset to something new";

  @Test
  void a_forgotten_password_is_reset_through_the_link_page_and_the_old_one_stops_working() {
    Member member = registerAndSignIn("forgetful");
    SiteClient browser = browser();

    HttpResponse<String> asked =
        browser.submit("/forgot-password", "/forgot-password", Map.of("email", member.email()));
    assertThat(asked.body()).contains("Check your mail");
    String token =
        linkTokenFromNewestEvent(member.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);

    HttpResponse<String> opened = browser.get("/reset-password?token=" + token);
    assertThat(opened.body()).contains("Choose a new password", "name=\"token\"");
    assertThat(login(member.email(), PASSWORD).statusCode())
        .as("opening the link changes nothing")
        .isEqualTo(200);

    HttpResponse<String> reset =
        browser.submit(
            "/reset-password?token=" + token,
            "/reset-password",
            Map.of("token", token, "password", NEW_PASSWORD));
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(302);
    assertThat(reset.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/sign-in?notice=password-reset"));

    assertThat(
            browser
                .submit(
                    "/sign-in",
                    "/sign-in",
                    Map.of("email", member.email(), "password", PASSWORD, "next", "/"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            browser
                .submit(
                    "/sign-in",
                    "/sign-in",
                    Map.of("email", member.email(), "password", NEW_PASSWORD, "next", "/"))
                .statusCode())
        .isEqualTo(302);

    HttpResponse<String> again =
        browser.submit(
            "/reset-password?token=" + token,
            "/reset-password",
            Map.of("token", token, "password", "yet another password"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("This link is not valid");
  }

  @Test
  void asking_for_a_reset_link_answers_the_same_for_an_unknown_address() {
    HttpResponse<String> asked =
        browser()
            .submit("/forgot-password", "/forgot-password", Map.of("email", uniqueEmail("nobody")));

    assertThat(asked.statusCode()).isEqualTo(200);
    assertThat(asked.body()).contains("Check your mail");
  }

  @Test
  void
      the_confirmation_link_opens_a_form_that_changes_nothing_until_the_owner_chooses_a_password() {
    SiteClient browser = browser();
    String email = uniqueEmail("confirmer");
    browser.submit(
        "/sign-up",
        "/sign-up",
        Map.of("displayName", "Confirmer", "email", email, "password", PASSWORD));
    UUID userId =
        jdbc.sql("SELECT id FROM users WHERE email = :email")
            .param("email", email)
            .query(UUID.class)
            .single();
    String token = linkTokenFromNewestEvent(userId, "UserRegistered", Purpose.VERIFY_EMAIL);

    HttpResponse<String> mailLink = get("/api/auth/verify-email?token=" + token, null);
    assertThat(mailLink.statusCode()).isEqualTo(303);
    String page = mailLink.headers().firstValue("Location").orElseThrow();
    assertThat(page).startsWith("/verify-email?token=");

    assertThat(browser.get(page).body())
        .contains("Confirm your email address", "name=\"password\"");
    assertThat(verified(userId)).as("opening the page changes nothing").isFalse();

    HttpResponse<String> confirmed =
        browser.submit(page, "/verify-email", Map.of("token", token, "password", NEW_PASSWORD));
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(302);
    assertThat(verified(userId)).isTrue();
    assertThat(browser.get("/account").body()).contains("Confirmer", "confirmed");
    assertThat(login(email, NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void a_used_or_unknown_confirmation_link_says_so_and_offers_a_new_one() {
    HttpResponse<String> page = browser().get("/verify-email");

    assertThat(page.body()).contains("This link is not valid", "Send me a new link");
  }

  private boolean verified(UUID userId) {
    return jdbc.sql("SELECT email_verified FROM users WHERE id = :id")
        .param("id", userId)
        .query(Boolean.class)
        .single();
  }
}
