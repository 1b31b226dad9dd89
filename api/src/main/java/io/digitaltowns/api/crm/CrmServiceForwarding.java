package io.digitaltowns.api.crm;

import io.digitaltowns.api.web.ServiceForwarder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the web service with CRM_SERVICE_URL set: forwards every CRM request, with the admin's
 * Authorization header, to the private CRM service and relays its answer. Runs before security:
 * the CRM service checks the token and the ADMIN role itself (it shares JWT_SECRET).
 */
class CrmServiceForwarding extends OncePerRequestFilter {

  private final ServiceForwarder forwarder;

  CrmServiceForwarding(CrmServiceProperties properties) {
    this.forwarder = new ServiceForwarder(properties.url(), properties.timeout(), new ServiceForwarder.Unavailable(
        "https://digitaltowns.io/problems/crm-service-unavailable", "The CRM is unavailable",
        "The CRM service did not answer. Try again in a moment."));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !CrmPaths.owns(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    forwarder.forward(request, response);
  }
}
