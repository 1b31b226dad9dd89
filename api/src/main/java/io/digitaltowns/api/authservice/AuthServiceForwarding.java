package io.digitaltowns.api.authservice;

import io.digitaltowns.api.web.ServiceForwarder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the web service with AUTH_SERVICE_URL set: forwards every accounts request, as it came, to the
 * private auth service and relays its answer. Runs before security, since the auth service
 * authenticates those requests itself.
 */
class AuthServiceForwarding extends OncePerRequestFilter {

  private final ServiceForwarder forwarder;

  AuthServiceForwarding(AuthServiceProperties properties) {
    this.forwarder = new ServiceForwarder(properties.url(), properties.timeout(), new ServiceForwarder.Unavailable(
        "https://digitaltowns.io/problems/auth-service-unavailable", "Sign-in is unavailable",
        "The accounts service did not answer. Try again in a moment."));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !AccountPaths.owns(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    forwarder.forward(request, response);
  }
}
