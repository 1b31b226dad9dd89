package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.tokens.JwtProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Present only when Google or Facebook has credentials. Without any, there is no client
 * registration and no {@code oauthSignIn} configurer, so the security chain has no OAuth login and
 * its paths answer 404.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OAuthSignInConfiguration.AnyProviderConfigured.class)
class OAuthSignInConfiguration {

  private static final Logger log = LoggerFactory.getLogger(OAuthSignInConfiguration.class);

  @Bean
  OAuthClientRegistrations oauthClientRegistrations(OAuthProperties properties) {
    OAuthClientRegistrations registrations = new OAuthClientRegistrations(properties);
    log.info("Sign-in with {} is on", String.join(" and ", registrations.registrationIds()));
    return registrations;
  }

  /** Applied to the api's filter chain by the security configuration, when it exists. */
  @Bean
  OAuthSignInConfigurer oauthSignIn(
      OAuthClientRegistrations registrations,
      OAuthAccounts accounts,
      OAuthProperties properties,
      JwtProperties jwt,
      JsonMapper json,
      Clock clock,
      ObjectProvider<SiteSignIn> site) {
    return new OAuthSignInConfigurer(
        registrations,
        new CookieAuthorizationRequestRepository(jwt, json, clock),
        new OAuthSignInResponses(
            accounts, json, properties.successRedirectUri(), site.getIfAvailable()));
  }

  static class AnyProviderConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean configured =
          Binder.get(context.getEnvironment())
              .bind("digitaltowns.oauth", OAuthProperties.class)
              .map(OAuthProperties::anyConfigured)
              .orElse(false);
      return configured
          ? ConditionOutcome.match("a sign-in provider has credentials")
          : ConditionOutcome.noMatch("neither Google nor Facebook has credentials");
    }
  }
}
