package io.digitaltowns.api.crm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires where the CRM endpoints are answered: here (default), at a separate CRM service
 * (CRM_SERVICE_URL set on the web service), or here and nothing else (SERVICE_ROLE=crm).
 */
@Configuration
class CrmServiceConfiguration {

  /** Before Spring Security (order -100): forwarded requests are authorised by the CRM service. */
  private static final int BEFORE_SECURITY = Ordered.HIGHEST_PRECEDENCE + 50;

  @Bean
  @ConditionalOnProperty(name = "digitaltowns.crm-service.role", havingValue = "crm")
  FilterRegistrationBean<CrmRoleBoundary> crmRoleBoundary() {
    return registration(new CrmRoleBoundary());
  }

  @Bean
  @ConditionalOnExpression("'${digitaltowns.crm-service.url:}' != '' and '${digitaltowns.crm-service.role:web}' == 'web'")
  FilterRegistrationBean<CrmServiceForwarding> crmServiceForwarding(CrmServiceProperties properties) {
    return registration(new CrmServiceForwarding(properties));
  }

  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(BEFORE_SECURITY);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
