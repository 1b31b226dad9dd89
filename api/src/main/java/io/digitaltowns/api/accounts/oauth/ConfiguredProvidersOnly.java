package io.digitaltowns.api.accounts.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Starts sign-in only for a provider that is on. Spring's resolver answers an unknown provider with
 * a 500; here it is not an authorization request at all, so the path falls through to the
 * application and answers 404, as for a provider that does not exist.
 */
class ConfiguredProvidersOnly implements OAuth2AuthorizationRequestResolver {

  private static final PathPatternRequestMatcher AUTHORIZATION_REQUEST =
      PathPatternRequestMatcher.withDefaults()
          .matcher(
              OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
                  + "/{registrationId}");

  private final Set<String> registrationIds;
  private final OAuth2AuthorizationRequestResolver delegate;

  ConfiguredProvidersOnly(OAuthClientRegistrations registrations) {
    this.registrationIds = Set.copyOf(registrations.registrationIds());
    this.delegate =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
    var match = AUTHORIZATION_REQUEST.matcher(request);
    if (!match.isMatch() || !registrationIds.contains(match.getVariables().get("registrationId"))) {
      return null;
    }
    return SiteReturn.keep(request, delegate.resolve(request));
  }

  @Override
  public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
    return registrationIds.contains(registrationId)
        ? SiteReturn.keep(request, delegate.resolve(request, registrationId))
        : null;
  }
}
