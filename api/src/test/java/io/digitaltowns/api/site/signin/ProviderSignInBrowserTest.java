package io.digitaltowns.api.site.signin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.accounts.oauth.Browser;
import io.digitaltowns.api.accounts.oauth.ProviderStandIn;
import io.digitaltowns.api.site.browser.BrowserTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to the site with Google (and the Facebook button) against a real local OpenID Connect
 * server standing in for both providers. This context has both providers configured and Cloudflare
 * Calls off; the other browser tests run without providers (no buttons there:
 * ResidentPagesBrowserTest).
 */
@Import(ProviderSignInBrowserTest.WithoutCloudflareCalls.class)
class ProviderSignInBrowserTest extends BrowserTest {

  private static final ProviderStandIn PROVIDERS = new ProviderStandIn();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("digitaltowns.oauth.google.client-id", () -> "google-client-id");
    registry.add("digitaltowns.oauth.google.client-secret", () -> "google-client-secret");
    registry.add("digitaltowns.oauth.google.issuer-uri", () -> PROVIDERS.issuerUrl("google"));
    registry.add("digitaltowns.oauth.facebook.client-id", () -> "facebook-app-id");
    registry.add("digitaltowns.oauth.facebook.client-secret", () -> "facebook-app-secret");
    registry.add(
        "digitaltowns.oauth.facebook.authorization-uri",
        () -> PROVIDERS.authorizationEndpointUrl("facebook"));
    registry.add(
        "digitaltowns.oauth.facebook.token-uri", () -> PROVIDERS.tokenEndpointUrl("facebook"));
    registry.add(
        "digitaltowns.oauth.facebook.user-info-uri", () -> PROVIDERS.userInfoUrl("facebook"));
  }

  /**
   * This context is also the one without Cloudflare Calls (BusinessCallBrowserTest has it
   * configured). Imported: with SpringBootTest's explicit classes, a nested configuration is not
   * found by itself.
   */
  @TestConfiguration
  static class WithoutCloudflareCalls {

    /**
     * A registrar bean runs after every @DynamicPropertySource method, ApiHttpTest's too (which
     * sets Calls up, and would win over this class's own method: the superclass's registrations
     * come last).
     */
    @Bean
    DynamicPropertyRegistrar cloudflareCallsOff() {
      return registry -> registry.add("digitaltowns.cloudflare-calls.app-id", () -> "");
    }
  }

  @AfterAll
  static void stopProviders() {
    PROVIDERS.close();
  }

  @Test
  void continuing_with_google_signs_in_and_returns_to_the_page_the_person_came_from() {
    String email = uniqueEmail("grace.google");
    PROVIDERS.willSignIn(
        "google",
        "google-" + UUID.randomUUID(),
        Map.of("email", email, "email_verified", true, "name", "Grace Google"));

    page.navigate("/account");
    page.waitForURL("**/sign-in?next=%2Faccount");
    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Facebook")))
        .isVisible();
    checkAndCapture("sign-in-with-providers");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Google"))
        .click();

    page.waitForURL(Pattern.compile(".*/account$"));
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My account")))
        .isVisible();
    assertThat(page.getByText(email)).isVisible();
    assertThat(page.getByText("confirmed", new Page.GetByTextOptions().setExact(true))).isVisible();
    checkAndCapture("account-after-google");
    assertThat(browserContext.cookies())
        .anySatisfy(cookie -> assertThat(cookie.name).isEqualTo("dt_session"));
    assertThat(browserContext.cookies())
        .noneSatisfy(cookie -> assertThat(cookie.value).contains("eyJ"));
    // the site's session is no credential for the JSON API, which stays bearer-token only
    APIResponse me = page.request().get("/api/me");
    assertThat(me.status()).isEqualTo(401);
  }

  @Test
  void the_sign_up_page_offers_both_providers_too() {
    page.navigate("/sign-up");

    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Google")))
        .isVisible();
    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Facebook")))
        .isVisible();
    checkAndCapture("sign-up-with-providers");
  }

  @Test
  void an_unverified_google_address_never_signs_in_to_the_account_that_has_it() {
    Member holder = registerAndSignIn("holder");
    String subject = "google-" + UUID.randomUUID();
    PROVIDERS.willSignIn(
        "google",
        subject,
        Map.of("email", holder.email(), "email_verified", false, "name", "Impostor"));

    page.navigate("/sign-in?next=/account");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Google"))
        .click();

    page.waitForURL("**/sign-in?next=%2Faccount&provider=refused");
    assertThat(page.getByText("did not confirm an email address")).isVisible();
    checkAndCapture("sign-in-refused");
    page.navigate("/account");
    assertThat(page).hasURL(Pattern.compile(".*/sign-in\\?next=.*"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM user_identities WHERE provider = 'google' AND subject = :subject")
                .param("subject", subject)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_forged_state_on_the_way_back_ends_on_the_sign_in_page_without_a_session() {
    Browser browser = new Browser();

    HttpResponse<String> answer =
        browser
            .signIn(
                URI.create(baseUrl() + "/oauth2/authorization/google?next=/account"),
                UnaryOperator.identity(),
                back -> URI.create(back.toString().replaceAll("state=[^&]+", "state=forged")))
            .answer();

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(Browser.location(answer))
        .isEqualTo(URI.create(baseUrl() + "/sign-in?next=%2Faccount&provider=failed"));
    assertThat(answer.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("dt_session="));
  }

  @Test
  void the_way_back_only_ever_leads_to_a_page_of_this_site() {
    PROVIDERS.willSignIn(
        "google",
        "google-" + UUID.randomUUID(),
        Map.of("email", uniqueEmail("elsewhere"), "email_verified", true, "name", "Nowhere Else"));
    Browser browser = new Browser();

    HttpResponse<String> answer =
        browser
            .signIn(
                URI.create(baseUrl() + "/oauth2/authorization/google?next=//evil.example/steal"),
                UnaryOperator.identity(),
                UnaryOperator.identity())
            .answer();

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(Browser.location(answer)).isEqualTo(URI.create(baseUrl() + "/"));
    assertThat(answer.headers().allValues("Set-Cookie"))
        .anyMatch(cookie -> cookie.startsWith("dt_session="));
    assertThat(answer.body()).doesNotContain("accessToken");
  }

  @Test
  void without_cloudflare_calls_the_business_page_has_no_video_call_and_asking_finds_nothing() {
    Member admin = admin();
    Member owner = registerAndSignIn("no-calls-owner");
    UUID town =
        createTown(
            admin, "nocalls-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    UUID business = publishedBusiness(owner, admin, town, "Quiet Shop");
    signIn(page, verified(registerAndSignIn("no-calls-resident")));

    page.navigate("/businesses/" + business);
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Write to Quiet Shop")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Video call")))
        .hasCount(0);
    assertThat(page.getByText("video call")).hasCount(0);

    Object asked =
        page.evaluate(
            "async ([url, token]) => (await fetch(url, { method: 'POST', headers: {"
                + " 'Content-Type': 'application/x-www-form-urlencoded' }, body: '_csrf=' + encodeURIComponent(token) })).status",
            java.util.List.of(
                "/businesses/" + business + "/call",
                page.locator("#contact input[type=hidden]").first().inputValue()));
    assertThat(asked).isEqualTo(404);
    assertThat(
            jdbc.sql("SELECT count(*) FROM business_calls WHERE business_id = :id")
                .param("id", business)
                .query(Long.class)
                .single())
        .isZero();
  }
}
