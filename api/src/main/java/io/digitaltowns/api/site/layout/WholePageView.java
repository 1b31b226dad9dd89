package io.digitaltowns.api.site.layout;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A JTE page rendered whole into UTF-8 bytes, then written to the response at once with its length. The starter's
 * view writes every piece of a template (each escaped value, each run of markup) through the servlet's PrintWriter,
 * Spring Security's wrapper around it and Tomcat's char-to-byte conversion: a profile of the town page at 200
 * requests/s put most of its request threads' time there (docs/benchmarks.md, the site's pages).
 */
class WholePageView extends JteView {

  private final TemplateEngine templateEngine;

  WholePageView(TemplateEngine templateEngine) {
    super(templateEngine);
    this.templateEngine = templateEngine;
  }

  @Override
  protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                           HttpServletResponse response) throws Exception {
    Utf8ByteOutput output = new Utf8ByteOutput();
    templateEngine.render(getUrl(), model, output);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // one write: Utf8ByteOutput.writeTo(OutputStream) would hand over each of its pieces, again one by one
    byte[] page = output.toByteArray();
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
