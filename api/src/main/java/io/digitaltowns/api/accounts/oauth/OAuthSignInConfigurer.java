package io.digitaltowns.api.accounts.oauth;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Sign in with Google / Facebook, as a piece of a security filter chain ({@code
 * http.with(configurer, withDefaults())}): GET /oauth2/authorization/{google|facebook} sends the
 * browser to the provider, whose redirect back to GET /login/oauth2/code/{provider} ends in our own
 * tokens. Apply it to one chain only.
 */
class OAuthSignInConfigurer extends AbstractHttpConfigurer<OAuthSignInConfigurer, HttpSecurity> {

  private final OAuthClientRegistrations registrations;
  private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests;
  private final OAuthSignInResponses responses;

  OAuthSignInConfigurer(
      OAuthClientRegistrations registrations,
      AuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests,
      OAuthSignInResponses responses) {
    this.registrations = registrations;
    this.authorizationRequests = authorizationRequests;
    this.responses = responses;
  }

  /** Adds another configurer, which Spring Security allows in init() only. */
  @Override
  public void init(HttpSecurity http) {
    http.oauth2Login(
        login ->
            login
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new DiscardingAuthorizedClientRepository())
                .authorizationEndpoint(
                    endpoint ->
                        endpoint
                            .authorizationRequestResolver(
                                new ConfiguredProvidersOnly(registrations))
                            .authorizationRequestRepository(authorizationRequests))
                .successHandler(responses)
                .failureHandler(responses)
                .withObjectPostProcessor(
                    new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                      @Override
                      public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(
                          O filter) {
                        // instead of a bare 500 when the provider's discovery document cannot be
                        // fetched
                        filter.setAuthenticationFailureHandler(responses::providerUnavailable);
                        return filter;
                      }
                    }));
  }
}
