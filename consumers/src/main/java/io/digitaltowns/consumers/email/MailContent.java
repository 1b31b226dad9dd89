package io.digitaltowns.consumers.email;

import java.util.List;
import java.util.Objects;

/**
 * What one mail says, decided once by its handler: the subject, the greeting, the body in blocks,
 * at most one action, and why the recipient gets the mail. The plain-text part ({@link
 * PlainTextMail}) and the HTML part ({@link HtmlMail}) are two renderings of this record, so no
 * wording is written twice.
 *
 * <p>Every string is kept as the event gave it (a name, a resident's message, an admin's reason):
 * the text part shows it as it is, the HTML template escapes it.
 *
 * @param greeting the first line ("Hello Ada,")
 * @param reason the last line of the footer: why this address gets this mail
 */
public record MailContent(String subject, String greeting, List<Block> blocks, String reason) {

  public MailContent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(greeting, "greeting");
    Objects.requireNonNull(reason, "reason");
    blocks = List.copyOf(blocks);
    if (blocks.stream().filter(Action.class::isInstance).count() > 1) {
      // one clear button per mail: a second one would compete with the first
      throw new IllegalArgumentException("a mail has at most one action");
    }
  }

  /** One part of a mail's body. */
  public sealed interface Block permits Paragraph, Quote, Facts, Action, Link {}

  /** A paragraph; its line breaks are kept. */
  public record Paragraph(String text) implements Block {}

  /** Somebody's own words, shown as they wrote them (a resident's message, a reviewer's reason). */
  public record Quote(String text) implements Block {}

  /** Short facts, one a line ("Amount paid: EUR 19.00"). */
  public record Facts(List<Fact> facts) implements Block {

    public Facts {
      facts = List.copyOf(facts);
    }
  }

  /** One fact of {@link Facts}. */
  public record Fact(String label, String value) {}

  /**
   * The one thing the mail asks the recipient to do: a button in the HTML part, the bare address
   * right under the paragraph before it in the text part (that paragraph says what the link does).
   */
  public record Action(String label, String url) implements Block {}

  /** A secondary link with its own words ("Discover the businesses of your town"). */
  public record Link(String text, String url) implements Block {}
}
