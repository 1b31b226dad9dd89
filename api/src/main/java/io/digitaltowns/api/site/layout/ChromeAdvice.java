package io.digitaltowns.api.site.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts the page frame ("chrome") into the model of every site page; templates take it as
 * {@code @param Chrome chrome}.
 */
@ControllerAdvice(basePackages = "io.digitaltowns.api.site")
class ChromeAdvice {

  private final Chromes chromes;

  ChromeAdvice(Chromes chromes) {
    this.chromes = chromes;
  }

  @ModelAttribute("chrome")
  Chrome chrome(HttpServletRequest request) {
    Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
    boolean browsing =
        handler instanceof HandlerMethod method
            && method.getBeanType().isAnnotationPresent(Browsing.class);
    return chromes.of(request, !browsing);
  }
}
