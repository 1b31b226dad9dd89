package io.digitaltowns.consumers.email;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Block;
import io.digitaltowns.consumers.email.MailContent.Facts;
import io.digitaltowns.consumers.email.MailContent.Link;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.consumers.email.MailContent.Quote;

/**
 * The text/plain part of a mail: what every mail client can show, and what the mails were before
 * the HTML part.
 */
final class PlainTextMail {

  private static final String RULE = "----------------------------------------";

  private PlainTextMail() {}

  static String render(MailContent mail, MailFooter footer) {
    StringBuilder text = new StringBuilder(mail.greeting());
    for (Block block : mail.blocks()) {
      // an action's address sits right under the paragraph that says what it does
      text.append(block instanceof Action ? "\n" : "\n\n").append(render(block));
    }
    text.append("\n\n").append(MailFooter.SIGN_OFF).append('\n');
    text.append("\n-- \n").append(footer.sentBy()).append('\n').append(mail.reason()).append('\n');
    return text.toString();
  }

  private static String render(Block block) {
    if (block instanceof Paragraph paragraph) {
      return paragraph.text();
    }
    if (block instanceof Quote quote) {
      return RULE + "\n" + quote.text() + "\n" + RULE;
    }
    if (block instanceof Facts facts) {
      StringBuilder lines = new StringBuilder();
      facts
          .facts()
          .forEach(
              fact ->
                  lines
                      .append(lines.isEmpty() ? "" : "\n")
                      .append(fact.label())
                      .append(": ")
                      .append(fact.value()));
      return lines.toString();
    }
    if (block instanceof Link link) {
      return link.text() + ": " + link.url();
    }
    return ((Action) block).url();
  }
}
