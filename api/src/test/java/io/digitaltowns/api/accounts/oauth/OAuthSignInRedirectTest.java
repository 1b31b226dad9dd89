package io.digitaltowns.api.accounts.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Only Google has credentials, and a page to land on after signing in is configured: the tokens
 * travel in that page's URL fragment, and Facebook is off.
 */
@TestPropertySource(
    properties = "digitaltowns.oauth.success-redirect-uri=" + OAuthSignInRedirectTest.LANDING_PAGE)
class OAuthSignInRedirectTest extends ApiHttpTest {

  static final String LANDING_PAGE = "https://town.example.org/signed-in";
  private static final ProviderStandIn PROVIDERS = new ProviderStandIn();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("digitaltowns.oauth.google.client-id", () -> "google-client-id");
    registry.add("digitaltowns.oauth.google.client-secret", () -> "google-client-secret");
    registry.add("digitaltowns.oauth.google.issuer-uri", () -> PROVIDERS.issuerUrl("google"));
    // an app id without its secret is not enough: Facebook stays off
    registry.add("digitaltowns.oauth.facebook.client-id", () -> "facebook-app-id");
    registry.add("digitaltowns.oauth.facebook.client-secret", () -> "");
  }

  @AfterAll
  static void stopProviders() {
    PROVIDERS.close();
  }

  private final Browser browser = new Browser();

  @Test
  void after_signing_in_the_browser_lands_on_the_page_with_the_tokens_in_the_fragment()
      throws Exception {
    String subject = "google-" + UUID.randomUUID();
    String email = "landing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    HttpResponse<String> answer =
        browser
            .signIn(
                url("/oauth2/authorization/google"),
                uri -> {
                  PROVIDERS.willSignIn(
                      "google",
                      subject,
                      Map.of("email", email, "email_verified", true, "name", "Lands Here"));
                  return uri;
                },
                UnaryOperator.identity())
            .answer();

    assertThat(answer.statusCode()).isEqualTo(302);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    URI landing = Browser.location(answer);
    assertThat(landing.getScheme() + "://" + landing.getAuthority() + landing.getPath())
        .isEqualTo(LANDING_PAGE);
    assertThat(landing.getRawQuery()).isNull();
    Map<String, String> fragment =
        Arrays.stream(landing.getRawFragment().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(
                Collectors.toMap(
                    pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    assertThat(fragment)
        .containsKeys("access_token", "refresh_token", "expires_in")
        .containsEntry("token_type", "Bearer");
    assertThat(Long.parseLong(fragment.get("expires_in"))).isPositive();

    HttpResponse<String> me = browser.get(url("/api/me"), fragment.get("access_token"));
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    JsonNode account = JSON.readTree(me.body());
    assertThat(account.get("email").asText()).isEqualTo(email);
    assertThat(account.get("emailVerified").asBoolean()).isTrue();
  }

  @Test
  void a_provider_without_credentials_is_off() throws Exception {
    HttpResponse<String> facebook = browser.get(url("/oauth2/authorization/facebook"));

    assertThat(facebook.statusCode()).isEqualTo(404);
    assertThat(facebook.headers().firstValue("Location")).isEmpty();
    assertThat(facebook.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(browser.get(url("/oauth2/authorization/google")).statusCode()).isEqualTo(302);
  }
}
