package io.digitaltowns.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security. Everything needs a valid access token unless listed here as
 * public; every /api/admin path needs the ADMIN role.
 */
@Configuration
class WebSecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ActiveAccountAuthentication authentication,
                                  ProblemSecurityResponses problems) throws Exception {
    http
        // no cookies carry credentials, so cross-site request forgery has nothing to ride on
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                "/error").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
                "/api/auth/logout", "/api/auth/verify-email", "/api/auth/verify-email/resend",
                "/api/auth/forgot-password", "/api/auth/reset-password").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/auth/verify-email").permitAll()
            // browsing is public; what a draft shows is decided per listing (owner or admin)
            .requestMatchers(HttpMethod.GET, "/api/towns/**", "/api/businesses/**").permitAll()
            .requestMatchers("/api/admin/**").hasRole("ADMIN")
            .anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems));
    return http.build();
  }
}
