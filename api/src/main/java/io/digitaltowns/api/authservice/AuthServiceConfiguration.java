package io.digitaltowns.api.authservice;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the role of this instance: the whole web service (default), the web service in front of
 * a separate auth service (AUTH_SERVICE_URL set), or the auth service itself (SERVICE_ROLE=auth).
 */
@Configuration
class AuthServiceConfiguration {

  /** Before Spring Security (order -100): forwarded requests are authenticated by the auth service. */
  private static final int BEFORE_SECURITY = Ordered.HIGHEST_PRECEDENCE + 50;

  @Bean
  @ConditionalOnProperty(name = "digitaltowns.auth-service.role", havingValue = "auth")
  FilterRegistrationBean<AuthRoleBoundary> authRoleBoundary() {
    return registration(new AuthRoleBoundary());
  }

  @Bean
  @ConditionalOnExpression("'${digitaltowns.auth-service.url:}' != '' and '${digitaltowns.auth-service.role:web}' != 'auth'")
  FilterRegistrationBean<AuthServiceForwarding> authServiceForwarding(AuthServiceProperties properties) {
    return registration(new AuthServiceForwarding(properties));
  }

  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(BEFORE_SECURITY);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
