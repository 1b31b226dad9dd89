package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Names and messages are the users' own words, script included. In the text part a {@code <script>}
 * arrives as the literal text it was; in the HTML part it is escaped (shown as text, never markup);
 * it cannot break out of a header.
 */
class ScriptInMailTest {

  private static final String SCRIPT = "<script>alert(document.cookie)</script>";
  private static final String SECRET = "a-test-email-link-secret-of-at-least-32-bytes";

  private final LocalStack stack = LocalStack.shared();
  private final RecordingMailSender smtp = new RecordingMailSender(stack);
  private final EmailProperties properties =
      new EmailProperties(
          "DigitalTowns <no-reply@towns.example.org>",
          "https://towns.example.org",
          SECRET,
          List.of());
  private final ContactMessageEmailHandler handler =
      new ContactMessageEmailHandler(
          new SmtpMailSender(smtp, properties, new UnrecordedDeliveries()));

  @Test
  void a_script_in_a_name_or_message_arrives_as_inert_text_in_both_parts_of_the_mail()
      throws Exception {
    String owner = "owner-" + UUID.randomUUID() + "@example.org";
    String message = "Hi! " + SCRIPT + " <img src=x onerror=alert(1)>";

    handler.handle(
        BusinessContacted.newBuilder()
            .setEventId(UUID.randomUUID().toString())
            .setOccurredAt(Instant.now())
            .setAggregateId(UUID.randomUUID().toString())
            .setTownId(UUID.randomUUID().toString())
            .setName("Bakery " + SCRIPT)
            .setCategory("BAKERY")
            .setOwnerId(UUID.randomUUID().toString())
            .setOwnerEmail(owner)
            .setOwnerName("Olive " + SCRIPT)
            .setMessageId(UUID.randomUUID().toString())
            .setSenderId(UUID.randomUUID().toString())
            .setSenderName("Mallory\r\nBcc: victim@example.org " + SCRIPT)
            .setSenderEmail("mallory@example.org")
            .setMessage(message)
            .build());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.mail().messages().stream().anyMatch(mail -> mail.to().contains(owner)));
    assertThat(smtp.sent()).hasSize(1);
    MimeMessage sent = smtp.sent().get(0);
    assertThat(sent.isMimeType("multipart/alternative"))
        .as("a text part and an HTML part")
        .isTrue();
    ReceivedMail received =
        stack.mail().messages().stream()
            .filter(mail -> mail.to().contains(owner))
            .findFirst()
            .orElseThrow();
    assertThat(received.to()).containsExactly(owner);
    assertThat(received.text()).contains(message).contains("Olive " + SCRIPT);
    assertThat(received.subject()).doesNotContain("\r").doesNotContain("\n").contains(SCRIPT);
    // the HTML part shows the same words, escaped: not one tag of theirs is markup
    String escaped = "&lt;script&gt;alert(document.cookie)&lt;/script&gt;";
    assertThat(received.html())
        .doesNotContain("<script")
        .doesNotContain("<img")
        .contains("Olive " + escaped)
        .contains("Hi! " + escaped + " &lt;img src=x onerror=alert(1)&gt;")
        .contains("Bakery " + escaped);
    assertThat(stack.mail().messages()).noneMatch(mail -> mail.to().contains("victim@example.org"));
  }
}
