package io.digitaltowns.api.crm;

import io.digitaltowns.api.web.ServiceForwarder;
import io.digitaltowns.api.web.SplitService;
import io.digitaltowns.api.web.SplitServiceFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires where the CRM endpoints are answered: here (default), at a separate CRM service
 * (CRM_SERVICE_URL set on the web service), or here and nothing else (SERVICE_ROLE=crm).
 */
@Configuration
class CrmServiceConfiguration {

  /**
   * Only the web role forwards to CRM_SERVICE_URL (the auth service answers CRM paths with its own
   * 404); the CRM service answers {@code /error} too. The CRM service checks the token and the
   * ADMIN role itself (it shares JWT_SECRET), so the admin's Authorization header is forwarded as
   * it came.
   */
  static final SplitService CRM_SERVICE =
      new SplitService(
          "crm",
          CrmPaths::owns,
          SplitService.ForwardingRoles.WEB_ONLY,
          true,
          "The CRM service serves only the CRM endpoints.",
          new ServiceForwarder.Unavailable(
              "https://digitaltowns.io/problems/crm-service-unavailable",
              "The CRM is unavailable",
              "The CRM service did not answer. Try again in a moment."));

  @Bean
  FilterRegistrationBean<SplitServiceFilter> crmServiceSplit(CrmServiceProperties properties) {
    return CRM_SERVICE.registration(properties.role(), properties.url(), properties.timeout());
  }
}
