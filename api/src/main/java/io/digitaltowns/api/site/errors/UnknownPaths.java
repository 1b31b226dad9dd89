package io.digitaltowns.api.site.errors;

import io.digitaltowns.api.site.layout.Chromes;
import io.digitaltowns.api.site.session.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A path nothing answers ends in Spring's static-resource handler, outside any controller, so the
 * API's problem advice would answer it with JSON. A browser on a site path gets the 404 page; the
 * API's paths keep their problem.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPaths {

  private final Chromes chromes;

  UnknownPaths(Chromes chromes) {
    this.chromes = chromes;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(
      NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI();
    if (ApiPaths.owns(path)) {
      ProblemDetail problem = e.getBody();
      if (problem.getInstance() == null) {
        problem.setInstance(URI.create(path));
      }
      return ResponseEntity.status(e.getStatusCode())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    response.setStatus(404);
    return new ModelAndView(
        "errors/error", Map.of("chrome", chromes.of(request, false), "error", ErrorPage.of(404)));
  }
}
