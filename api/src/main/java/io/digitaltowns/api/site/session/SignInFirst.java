package io.digitaltowns.api.site.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A page that needs a signed-in user sends a stranger to the sign-in page, which brings them back
 * afterwards.
 */
class SignInFirst implements AuthenticationEntryPoint {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String back =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String target =
        request.getContextPath()
            + "/sign-in?next="
            + URLEncoder.encode(back, StandardCharsets.UTF_8);
    if ("true".equals(request.getHeader("HX-Request"))) {
      // htmx follows a 302 inside the page; HX-Redirect makes it a full navigation
      response.setHeader("HX-Redirect", target);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    response.sendRedirect(target);
  }
}
