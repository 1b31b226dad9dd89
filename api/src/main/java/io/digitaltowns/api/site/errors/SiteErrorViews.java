package io.digitaltowns.api.site.errors;

import io.digitaltowns.api.site.layout.Chromes;
import io.digitaltowns.api.site.session.ApiPaths;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors outside any page controller (an unknown path, a refused CSRF token, a failure in a filter)
 * reach Spring Boot's /error; for a browser on a site path this renders the site's error page.
 * Paths of the JSON API keep their problem bodies.
 */
@Component
class SiteErrorViews implements ErrorViewResolver {

  private final Chromes chromes;

  SiteErrorViews(Chromes chromes) {
    this.chromes = chromes;
  }

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (path instanceof String uri && ApiPaths.owns(uri)) {
      return null;
    }
    ErrorPage page = ErrorPage.of(status.value());
    return new ModelAndView(
        "errors/error",
        Map.of("chrome", chromes.of(request, false), "error", page),
        HttpStatus.valueOf(page.status()));
  }
}
