package io.digitaltowns.api.accounts.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The registrations of the providers that have credentials; the others do not exist.
 *
 * <p>Google's endpoints and signing keys come from its OpenID discovery document, fetched at the
 * first sign-in rather than at start-up, so the api starts (and serves everything else) while
 * Google is unreachable; a failed fetch is retried at the next sign-in.
 */
class OAuthClientRegistrations implements ClientRegistrationRepository {

  private final Map<String, Supplier<ClientRegistration>> registrations = new LinkedHashMap<>();

  OAuthClientRegistrations(OAuthProperties properties) {
    String redirectUri = redirectUri(properties.redirectBaseUrl());
    if (properties.google().configured()) {
      OAuthProperties.Google google = properties.google();
      registrations.put(
          OAuthProvider.GOOGLE.registrationId(),
          new DiscoveredOnce(
              () ->
                  ClientRegistrations.fromOidcIssuerLocation(google.issuerUri().toString())
                      .registrationId(OAuthProvider.GOOGLE.registrationId())
                      .clientName(OAuthProvider.GOOGLE.displayName())
                      .clientId(google.clientId())
                      .clientSecret(google.clientSecret())
                      .redirectUri(redirectUri)
                      .scope("openid", "profile", "email")
                      .userNameAttributeName(IdTokenClaimNames.SUB)
                      .build()));
    }
    if (properties.facebook().configured()) {
      OAuthProperties.Facebook facebook = properties.facebook();
      ClientRegistration registration =
          ClientRegistration.withRegistrationId(OAuthProvider.FACEBOOK.registrationId())
              .clientName(OAuthProvider.FACEBOOK.displayName())
              .clientId(facebook.clientId())
              .clientSecret(facebook.clientSecret())
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
              .redirectUri(redirectUri)
              .scope("public_profile", "email")
              .authorizationUri(facebook.authorizationUri().toString())
              .tokenUri(facebook.tokenUri().toString())
              .userInfoUri(facebook.userInfoUri().toString())
              .userNameAttributeName("id")
              .build();
      registrations.put(OAuthProvider.FACEBOOK.registrationId(), () -> registration);
    }
  }

  /** The registration ids of the providers that are on. */
  Set<String> registrationIds() {
    return registrations.keySet();
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    Supplier<ClientRegistration> registration = registrations.get(registrationId);
    return registration == null ? null : registration.get();
  }

  private static String redirectUri(String redirectBaseUrl) {
    String base =
        redirectBaseUrl == null || redirectBaseUrl.isBlank()
            ? "{baseUrl}"
            : redirectBaseUrl.replaceAll("/+$", "");
    return base + "/login/oauth2/code/{registrationId}";
  }

  /**
   * Builds the registration on first use and keeps it; a failure is not kept, so the next call
   * tries again.
   */
  private static final class DiscoveredOnce implements Supplier<ClientRegistration> {

    private final Supplier<ClientRegistration> discovery;
    private volatile ClientRegistration registration;

    DiscoveredOnce(Supplier<ClientRegistration> discovery) {
      this.discovery = discovery;
    }

    @Override
    public ClientRegistration get() {
      ClientRegistration known = registration;
      if (known == null) {
        synchronized (this) {
          if (registration == null) {
            registration = discovery.get();
          }
          known = registration;
        }
      }
      return known;
    }
  }
}
