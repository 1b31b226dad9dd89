package io.digitaltowns.consumers.email;

import java.util.List;

/** Content for tests about delivery, where what the mail says does not matter. */
final class MailContents {

  private MailContents() {}

  static MailContent titled(String subject) {
    return new MailContent(
        subject,
        "Hello,",
        List.of(new MailContent.Paragraph("A test mail.")),
        "You get this mail because a test sent it.");
  }
}
