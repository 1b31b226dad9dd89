package io.digitaltowns.consumers.email;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The text/html part of a mail, from the template {@code src/main/jte/email/mail.jte}. The template
 * is compiled to a class at build time (jte-maven-plugin): a mistake in it fails the build, and
 * nothing is compiled at run time. Output is HTML-escaped by default, so names, messages and
 * reasons from events arrive as inert text.
 */
final class HtmlMail {

  /**
   * Where the build puts the compiled templates; apart from the api's, which share the stack's
   * class path.
   */
  static final String TEMPLATE_PACKAGE = "io.digitaltowns.consumers.email.templates";

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, HtmlMail.class.getClassLoader(), TEMPLATE_PACKAGE);

  private HtmlMail() {}

  static String render(MailContent mail, MailFooter footer) {
    StringOutput html = new StringOutput();
    TEMPLATES.render("email/mail.jte", Map.of("mail", mail, "footer", footer), html);
    return html.toString();
  }
}
