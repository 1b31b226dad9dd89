package io.digitaltowns.api.site.layout;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/** The starter's view resolver (it steps aside for this bean), resolving to {@link WholePageView}s. */
@Component
class WholePageViewResolver extends JteViewResolver {

  private final TemplateEngine templateEngine;

  WholePageViewResolver(TemplateEngine templateEngine, JteProperties properties) {
    super(templateEngine, properties);
    this.templateEngine = templateEngine;
  }

  @Override
  protected AbstractUrlBasedView instantiateView() {
    return new WholePageView(templateEngine);
  }
}
