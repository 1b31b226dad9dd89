package io.digitaltowns.api.accounts.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Without credentials for either provider there is nothing to sign in with: no registrations and no
 * OAuth login configurer, so the security chain is the plain bearer-token one (every other api test
 * runs like that) and /oauth2/authorization/* answers 404.
 */
class OAuthProvidersOffTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(OAuthSignInConfiguration.class);

  @Test
  void without_any_credentials_oauth_login_is_not_set_up() {
    context.run(
        app -> {
          assertThat(app).hasNotFailed();
          assertThat(app).doesNotHaveBean(ClientRegistrationRepository.class);
          assertThat(app).doesNotHaveBean("oauthSignIn");
        });
  }

  @Test
  void empty_or_half_given_credentials_count_as_none() {
    context
        .withPropertyValues(
            "digitaltowns.oauth.google.client-id=", "digitaltowns.oauth.google.client-secret=",
            "digitaltowns.oauth.facebook.client-id=facebook-app-id",
                "digitaltowns.oauth.facebook.client-secret= ")
        .run(
            app -> {
              assertThat(app).hasNotFailed();
              assertThat(app).doesNotHaveBean(ClientRegistrationRepository.class);
              assertThat(app).doesNotHaveBean("oauthSignIn");
            });
  }

  @Test
  void a_provider_without_credentials_gets_no_registration() {
    OAuthClientRegistrations registrations =
        new OAuthClientRegistrations(
            new OAuthProperties(
                new OAuthProperties.Google(
                    null, null, java.net.URI.create("https://accounts.google.com")),
                new OAuthProperties.Facebook(
                    "facebook-app-id",
                    "facebook-app-secret",
                    java.net.URI.create("https://www.facebook.com/dialog/oauth"),
                    java.net.URI.create("https://graph.facebook.com/oauth/access_token"),
                    java.net.URI.create("https://graph.facebook.com/me?fields=id,name,email")),
                null,
                null));

    assertThat(registrations.registrationIds()).containsExactly("facebook");
    assertThat(registrations.findByRegistrationId("google")).isNull();
    assertThat(registrations.findByRegistrationId("facebook").getRedirectUri())
        .isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
  }
}
