package io.digitaltowns.api.site.session;

import io.digitaltowns.api.accounts.tokens.Sessions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The site's own security, ordered before the API's: every path that is not the API's (or Spring's)
 * is a page. Pages keep a cookie session holding the API's tokens, every state-changing form
 * carries a CSRF token (Spring Security's, kept in the session), and every answer carries a
 * Content-Security-Policy without 'unsafe-inline'. The JSON API under /api/** keeps its stateless
 * bearer-token chain, untouched.
 */
@Configuration
class SiteSecurityConfiguration {

  /** Paths the API's chain (WebSecurityConfiguration) answers; everything else is the site's. */
  static final RequestMatcher NOT_THE_API =
      new NegatedRequestMatcher(
          new OrRequestMatcher(
              ApiPaths.PATTERNS.stream().map(SiteSecurityConfiguration::path).toList()));

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /**
   * Where the site keeps its CSRF token: in the session, made afresh at each sign-in (SiteSession).
   */
  @Bean
  CsrfTokenRepository siteCsrfTokens() {
    return new HttpSessionCsrfTokenRepository();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 10)
  SecurityFilterChain siteSecurity(
      HttpSecurity http,
      JwtDecoder decoder,
      Converter<Jwt, AbstractAuthenticationToken> activeAccounts,
      Sessions sessions,
      ContentSecurityPolicy contentSecurityPolicy,
      CsrfTokenRepository siteCsrfTokens)
      throws Exception {
    http.securityMatcher(NOT_THE_API)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(contentSecurityPolicy.directives()))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
        // the CSRF token lives in the session; forms carry it in a hidden field (layout/csrf.jte)
        .csrf(csrf -> csrf.csrfTokenRepository(siteCsrfTokens))
        // no session-management filter: it would take each request's authentication from the
        // session's tokens for a
        // new sign-in and replace the CSRF token every time (a page's forms would then carry a
        // stale one). Signing in
        // changes the session id and makes the CSRF token itself (SiteSession.signIn).
        .sessionManagement(session -> session.disable())
        // the session holds the API's tokens, not a SecurityContext: each request is authenticated
        // from them
        .securityContext(
            context ->
                context.securityContextRepository(
                    new org.springframework.security.web.context
                        .RequestAttributeSecurityContextRepository()))
        .addFilterBefore(
            new SessionAuthenticationFilter(decoder, activeAccounts, sessions),
            AnonymousAuthenticationFilter.class)
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/site/**", "/webjars/**", "/favicon.ico")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/my/**", "/account/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(new SignInFirst())
                    // the error page in the site's look (errors.SiteErrorViews), also for a missing
                    // or stale CSRF token
                    .accessDeniedHandler(
                        (request, response, denied) ->
                            response.sendError(HttpServletResponse.SC_FORBIDDEN)));
    return http.build();
  }
}
