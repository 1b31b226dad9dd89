package io.digitaltowns.api.site.errors;

import io.digitaltowns.api.businesses.listing.BusinessNotFoundException;
import io.digitaltowns.api.businesses.listing.NotYourBusinessException;
import io.digitaltowns.api.ratelimit.TooManyRequestsException;
import io.digitaltowns.api.site.layout.Chromes;
import io.digitaltowns.api.towns.TownNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of page controllers become pages in the site's look, never a problem body or a stack
 * trace: this advice covers the site's controllers only and comes before the API's {@code
 * ProblemResponses}.
 */
@ControllerAdvice(basePackages = "io.digitaltowns.api.site")
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrorPages {

  private static final Logger log = LoggerFactory.getLogger(SiteErrorPages.class);

  private final Chromes chromes;

  SiteErrorPages(Chromes chromes) {
    this.chromes = chromes;
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ModelAndView tooMany(
      TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    return page(ErrorPage.of(429, e.retryAfterSeconds()), request, response);
  }

  @ExceptionHandler({BusinessNotFoundException.class, TownNotFoundException.class})
  ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
    return page(ErrorPage.of(404), request, response);
  }

  @ExceptionHandler(NotYourBusinessException.class)
  ModelAndView notYours(HttpServletRequest request, HttpServletResponse response) {
    return page(ErrorPage.of(403), request, response);
  }

  /**
   * A parameter of the wrong type (an id that is no UUID) or a missing one: the address is
   * malformed.
   */
  @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class})
  ModelAndView malformed(HttpServletRequest request, HttpServletResponse response) {
    return page(ErrorPage.of(400), request, response);
  }

  /**
   * Spring's own 4xx (a malformed parameter, a wrong method) and the services' problem exceptions
   * keep their status.
   */
  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
    int status = e instanceof ErrorResponse known ? known.getStatusCode().value() : 500;
    if (status >= 500) {
      log.error("Page {} failed", request.getRequestURI(), e);
    }
    return page(ErrorPage.of(status), request, response);
  }

  private ModelAndView page(
      ErrorPage page, HttpServletRequest request, HttpServletResponse response) {
    response.setStatus(page.status());
    return new ModelAndView(
        "errors/error", Map.of("chrome", chromes.of(request, false), "error", page));
  }
}
