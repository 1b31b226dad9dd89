package io.digitaltowns.api.authservice;

import io.digitaltowns.api.web.ServiceForwarder;
import io.digitaltowns.api.web.SplitService;
import io.digitaltowns.api.web.SplitServiceFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the role of this instance: the whole web service (default), the web service in front of a
 * separate auth service (AUTH_SERVICE_URL set), or the auth service itself (SERVICE_ROLE=auth).
 */
@Configuration
class AuthServiceConfiguration {

  /**
   * Every role but {@code auth} forwards to AUTH_SERVICE_URL when it is set; {@code /error} is not
   * operational.
   */
  static final SplitService AUTH_SERVICE =
      new SplitService(
          "auth",
          AccountPaths::owns,
          SplitService.ForwardingRoles.ALL_BUT_THE_SERVICE,
          false,
          "The auth service serves only the accounts endpoints.",
          new ServiceForwarder.Unavailable(
              "https://digitaltowns.io/problems/auth-service-unavailable",
              "Sign-in is unavailable",
              "The accounts service did not answer. Try again in a moment."));

  @Bean
  FilterRegistrationBean<SplitServiceFilter> authServiceSplit(AuthServiceProperties properties) {
    return AUTH_SERVICE.registration(properties.role(), properties.url(), properties.timeout());
  }
}
