package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.consumers.email.MailContent.Action;
import io.digitaltowns.consumers.email.MailContent.Fact;
import io.digitaltowns.consumers.email.MailContent.Facts;
import io.digitaltowns.consumers.email.MailContent.Link;
import io.digitaltowns.consumers.email.MailContent.Paragraph;
import io.digitaltowns.consumers.email.MailContent.Quote;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text part and the HTML part are two renderings of one {@link MailContent}. */
class MailRenderingTest {

  private static final MailFooter FOOTER =
      new MailFooter("DigitalTowns <no-reply@towns.example.org>", "https://towns.example.org");
  private static final MailContent MAIL =
      new MailContent(
          "Your listing needs changes: Bakery",
          "Hello Olive,",
          List.of(
              new Paragraph(
                  "\"Bakery\" was reviewed and is not published yet. The reviewer's reason:"),
              new Quote("Add your opening hours & a photo."),
              new Facts(List.of(new Fact("Amount paid", "EUR 19.00"))),
              new Paragraph("Sign in, change the listing and submit it again:"),
              new Action("Edit your listing", "https://towns.example.org/my/businesses/42"),
              new Link("Discover the businesses of your town", "https://towns.example.org")),
          "You get this mail because you own this listing on DigitalTowns.");

  @Test
  void the_text_part_reads_as_the_mails_always_did_with_the_action_under_its_paragraph() {
    String text = PlainTextMail.render(MAIL, FOOTER);

    assertThat(text)
        .startsWith("Hello Olive,\n\n\"Bakery\" was reviewed")
        .contains(
            "----------------------------------------\nAdd your opening hours & a photo.\n"
                + "----------------------------------------")
        .contains("Amount paid: EUR 19.00")
        .contains(
            "Sign in, change the listing and submit it again:\nhttps://towns.example.org/my/businesses/42\n")
        .contains("Discover the businesses of your town: https://towns.example.org")
        .contains("The DigitalTowns team")
        .endsWith(
            "-- \nSent by DigitalTowns <no-reply@towns.example.org> from https://towns.example.org\n"
                + "You get this mail because you own this listing on DigitalTowns.\n");
  }

  @Test
  void the_html_part_says_the_same_words_escaped_with_one_button_and_the_footer() {
    String html = HtmlMail.render(MAIL, FOOTER);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">")
        .contains("<title>Your listing needs changes: Bakery</title>")
        .contains("Hello Olive,")
        .contains("Add your opening hours &amp; a photo.")
        .contains("EUR 19.00")
        .contains("was reviewed and is not published yet")
        .contains("href=\"https://towns.example.org/my/businesses/42\"")
        .contains(">Edit your listing</a>")
        .contains(">Discover the businesses of your town</a>")
        .contains(
            "Sent by DigitalTowns &lt;no-reply@towns.example.org&gt; from https://towns.example.org")
        .contains("You get this mail because you own this listing on DigitalTowns.")
        .contains("@media (prefers-color-scheme: dark)")
        .contains("<meta name=\"color-scheme\" content=\"light dark\">");
    // Gmail clips a mail above 102 KB: the HTML part stays far below
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(10_000);
  }

  @Test
  void a_mail_has_at_most_one_button() {
    assertThatThrownBy(
            () ->
                new MailContent(
                    "Two",
                    "Hello,",
                    List.of(
                        new Action("One", "https://towns.example.org/1"),
                        new Action("Two", "https://towns.example.org/2")),
                    "Why."))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
