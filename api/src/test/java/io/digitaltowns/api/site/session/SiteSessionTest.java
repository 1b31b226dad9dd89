package io.digitaltowns.api.site.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.site.SiteClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteSessionTest extends ApiHttpTest {

  @Test
  void a_visitor_signs_up_signs_in_sees_their_name_and_signs_out() {
    SiteClient browser = new SiteClient(port);
    String email = uniqueEmail("site-session");

    HttpResponse<String> signedUp =
        browser.submit(
            "/sign-up",
            "/sign-up",
            Map.of("displayName", "Ada Site", "email", email, "password", PASSWORD));
    assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(200);
    assertThat(signedUp.body()).contains("Check your mail", email);

    HttpResponse<String> signedIn =
        browser.submit(
            "/sign-in",
            "/sign-in",
            Map.of("email", email, "password", PASSWORD, "next", "/account"));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("dt_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

    assertThat(browser.get("/").body()).contains("Ada Site", "Sign out");

    HttpResponse<String> signedOut = browser.submit("/", "/sign-out", Map.of());
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(browser.get("/").body()).doesNotContain("Ada Site").contains("Sign in");
  }

  @Test
  void a_wrong_password_shows_the_form_again_without_the_password() {
    SiteClient browser = new SiteClient(port);

    HttpResponse<String> refused =
        browser.submit(
            "/sign-in",
            "/sign-in",
            Map.of(
                "email",
                uniqueEmail("nobody"),
                "password",
                "not the password at all",
                "next",
                "/"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body())
        .contains("The email or the password is wrong.")
        .doesNotContain("not the password at all");
  }

  @Test
  void a_form_posted_without_its_csrf_token_is_refused_with_an_error_page() {
    SiteClient browser = new SiteClient(port);
    browser.get("/sign-in");

    HttpResponse<String> forged =
        browser.post("/sign-in", Map.of("email", uniqueEmail("forged"), "password", PASSWORD));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(forged.body()).contains("Not for you").doesNotContain("\"status\"");
  }

  @Test
  void every_page_carries_a_content_security_policy_without_unsafe_inline() {
    HttpResponse<String> home = new SiteClient(port).get("/");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(home.headers().allValues("Set-Cookie")).as("browsing starts no session").isEmpty();
  }

  @Test
  void an_unknown_page_is_a_404_page_in_the_sites_look_and_an_unknown_api_path_stays_json() {
    HttpResponse<String> missing = new SiteClient(port).get("/no-such-page");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("Page not found", "DigitalTowns")
        .doesNotContain("Whitelabel", "trace");
    assertThat(get("/api/no-such-thing", null).body()).doesNotContain("<html");
  }

  @Test
  void a_page_for_signed_in_users_sends_a_visitor_to_sign_in_and_back() {
    HttpResponse<String> account = new SiteClient(port).get("/account");

    assertThat(account.statusCode()).isEqualTo(302);
    assertThat(account.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?next=%2Faccount"));
  }

  @Test
  void the_stylesheet_and_htmx_are_served_from_the_site_itself() {
    SiteClient browser = new SiteClient(port);

    assertThat(browser.get("/site/site.css").statusCode()).isEqualTo(200);
    assertThat(browser.get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").statusCode()).isEqualTo(200);
  }
}
