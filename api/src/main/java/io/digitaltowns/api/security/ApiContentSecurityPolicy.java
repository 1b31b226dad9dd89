package io.digitaltowns.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy of everything the api's own filter chain answers: JSON, problem
 * bodies, the static ops page. Nothing inline, nothing from another host, no framing; the ops page
 * loads its script and stylesheet from its own files and calls the api on the same origin.
 *
 * <p>Swagger UI (off unless {@code springdoc.swagger-ui.enabled}, a local tool) gets a policy of
 * its own on its paths only: its bundled React components and syntax highlighter write style
 * attributes and {@code <style>} elements at run time, and it shows its icons as {@code data:}
 * images, so it needs {@code style-src 'unsafe-inline'} and {@code img-src data:}. Its scripts
 * still come from its own files only.
 *
 * <p>A response that already carries a policy (a page of the site with its own) keeps it.
 */
final class ApiContentSecurityPolicy implements HeaderWriter {

  static final String HEADER = "Content-Security-Policy";
  static final String API =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  static final String SWAGGER_UI =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  private final RequestMatcher swaggerUi =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    if (!response.containsHeader(HEADER)) {
      response.setHeader(HEADER, swaggerUi.matches(request) ? SWAGGER_UI : API);
    }
  }
}
