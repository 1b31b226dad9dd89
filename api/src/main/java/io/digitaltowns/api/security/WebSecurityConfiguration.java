package io.digitaltowns.api.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security. Everything needs a valid access token unless listed here as
 * public; every /api/admin path needs the ADMIN role.
 */
@Configuration
class WebSecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ActiveAccountAuthentication authentication,
      ProblemSecurityResponses problems,
      SiteProperties site,
      // sign in with Google / Facebook: only there when a provider has credentials; seen as
      // Spring's configurer type because accounts.oauth keeps its classes module-internal
      @Qualifier("oauthSignIn") ObjectProvider<AbstractHttpConfigurer<?, HttpSecurity>> oauthSignIn)
      throws Exception {
    http.cors(cors -> cors.configurationSource(corsFromTheSite(site)))
        .headers(
            headers ->
                headers
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                    .addHeaderWriter(new ApiContentSecurityPolicy()))
        // no cookies carry credentials, so cross-site request forgery has nothing to ride on
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/health",
                        "/actuator/health/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/error")
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.POST,
                        "/api/auth/register",
                        "/api/auth/login",
                        "/api/auth/refresh",
                        "/api/auth/logout",
                        "/api/auth/verify-email",
                        "/api/auth/verify-email/resend",
                        "/api/auth/forgot-password",
                        "/api/auth/reset-password")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/auth/verify-email")
                    .permitAll()
                    // Stripe calls the webhook without a token; the Stripe-Signature header is
                    // checked instead
                    .requestMatchers(HttpMethod.POST, "/api/stripe/webhook")
                    .permitAll()
                    // OAuth login: the redirect to the provider and its redirect back (404 for a
                    // provider that is off)
                    .requestMatchers(
                        HttpMethod.GET, "/oauth2/authorization/*", "/login/oauth2/code/*")
                    .permitAll()
                    // browsing is public; what a draft shows is decided per listing (owner or
                    // admin)
                    .requestMatchers(HttpMethod.GET, "/api/towns/**", "/api/businesses/**")
                    .permitAll()
                    .requestMatchers("/api/admin/**")
                    .hasRole("ADMIN")
                    // metrics and the rest of actuator are for admins; /actuator/health stays
                    // public above
                    .requestMatchers("/actuator/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    // the provider's redirect back ends in our own tokens; the login's state lives in a cookie, not
    // a session
    AbstractHttpConfigurer<?, HttpSecurity> signIn = oauthSignIn.getIfAvailable();
    if (signIn != null) {
      http.with(signIn, Customizer.withDefaults());
    }
    return http.build();
  }

  /**
   * The web front end at PUBLIC_BASE_URL may call the api from the browser; other sites may not.
   */
  private static CorsConfigurationSource corsFromTheSite(SiteProperties site) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(List.of(site.origin()));
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    cors.setAllowedHeaders(
        List.of("Authorization", "Content-Type", "traceparent", "Idempotency-Key"));
    cors.setExposedHeaders(List.of("Retry-After", "Location"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }
}
