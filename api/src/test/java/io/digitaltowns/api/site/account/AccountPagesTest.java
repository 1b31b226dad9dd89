package io.digitaltowns.api.site.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountPagesTest extends SitePageTest {

  private static final String NEW_PASSWORD = "a brand new passphrase";

  @Test
  void renaming_shows_the_new_name_in_the_header() {
    SiteClient browser = signedIn(registerAndSignIn("renamer"));

    HttpResponse<String> renamed =
        browser.submit("/account", "/account/name", Map.of("displayName", "Grace Renamed"));

    assertThat(renamed.statusCode()).isEqualTo(302);
    assertThat(renamed.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account?notice=renamed"));
    assertThat(browser.get("/account?notice=renamed").body())
        .contains("Grace Renamed", "Your name is changed.");
  }

  @Test
  void changing_the_password_keeps_this_browser_signed_in_and_the_old_password_stops_working() {
    Member member = registerAndSignIn("changer");
    SiteClient browser = signedIn(member);

    HttpResponse<String> changed =
        browser.submit(
            "/account",
            "/account/password",
            Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
    assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(401);
    assertThat(login(member.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void a_wrong_current_password_changes_nothing() {
    Member member = registerAndSignIn("wrong-current");
    SiteClient browser = signedIn(member);

    HttpResponse<String> refused =
        browser.submit(
            "/account",
            "/account/password",
            Map.of("currentPassword", "not my password", "newPassword", NEW_PASSWORD));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("This is not your current password.");
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void signing_out_everywhere_ends_the_session_of_another_browser() {
    Member member = registerAndSignIn("everywhere");
    SiteClient phone = signedIn(member);
    SiteClient laptop = signedIn(member);
    assertThat(phone.get("/account").statusCode()).isEqualTo(200);

    HttpResponse<String> out = laptop.submit("/account", "/account/sign-out-everywhere", Map.of());

    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(phone.get("/account").statusCode())
        .as("the other browser is signed out")
        .isEqualTo(302);
    assertThat(laptop.get("/account").statusCode()).isEqualTo(302);
  }

  @Test
  void deleting_the_account_needs_its_password() {
    Member member = registerAndSignIn("leaver");
    SiteClient browser = signedIn(member);

    HttpResponse<String> refused =
        browser.submit("/account", "/account/delete", Map.of("password", "not my password"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);

    HttpResponse<String> deleted =
        browser.submit("/account", "/account/delete", Map.of("password", PASSWORD));
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(401);
    assertThat(browser.get("/account").statusCode()).isEqualTo(302);
  }
}
