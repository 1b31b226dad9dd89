package io.digitaltowns.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.infra.LocalStack;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class MailServerTest {

  private final LocalStack stack = LocalStack.shared();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void a_sent_mail_is_listed_by_the_json_inbox() throws Exception {
    String subject = "Welcome to Lakeside " + UUID.randomUUID();
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress("noreply@digitaltowns.io"));
    message.setRecipients(Message.RecipientType.TO, "anna@example.org");
    message.setSubject(subject);
    message.setText("Hello Anna, your account is ready.");
    Transport.send(message);

    JsonNode mail =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> inboxEntry(subject), entry -> entry != null);

    assertThat(mail.get("from").asText()).isEqualTo("noreply@digitaltowns.io");
    assertThat(mail.get("to")).extracting(JsonNode::asText).containsExactly("anna@example.org");
    assertThat(mail.get("text").asText()).isEqualTo("Hello Anna, your account is ready.");
    assertThat(Instant.parse(mail.get("receivedAt").asText()))
        .isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void a_multipart_mail_to_two_recipients_is_one_entry_with_its_plain_text_and_html_parts()
      throws Exception {
    String subject = "Your listing " + UUID.randomUUID();
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress("noreply@digitaltowns.io"));
    message.setRecipients(Message.RecipientType.TO, "owner@example.org, partner@example.org");
    message.setSubject(subject);
    MimeMultipart alternatives = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Your listing is live.", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>Your listing is <b>live</b>.</p>", "text/html; charset=UTF-8");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    message.setContent(alternatives);
    Transport.send(message);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stack.mail().messages().stream().anyMatch(mail -> subject.equals(mail.subject())));

    assertThat(stack.mail().messages())
        .filteredOn(mail -> subject.equals(mail.subject()))
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.text()).isEqualTo("Your listing is live.");
              assertThat(mail.html()).isEqualTo("<p>Your listing is <b>live</b>.</p>");
              assertThat(mail.to())
                  .containsExactlyInAnyOrder("owner@example.org", "partner@example.org");
            });
  }

  @Test
  void
      the_inbox_page_lists_a_mail_and_shows_its_html_part_framed_under_a_policy_that_runs_no_script()
          throws Exception {
    String subject = "<b>Bold</b> subject " + UUID.randomUUID();
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress("noreply@digitaltowns.io"));
    message.setRecipients(Message.RecipientType.TO, "reader@example.org");
    message.setSubject(subject);
    MimeMultipart alternatives = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Plain <i>words</i>.", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(
        "<html><head><title>t</title></head><body><p>Hi</p><script>alert(1)</script></body></html>",
        "text/html; charset=UTF-8");
    alternatives.addBodyPart(text);
    alternatives.addBodyPart(html);
    message.setContent(alternatives);
    Transport.send(message);
    long id =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> inboxEntry(subject), entry -> entry != null)
            .get("id")
            .asLong();

    HttpResponse<String> list = get("/");
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(list.body())
        .contains("href=\"/messages/" + id + "\">&lt;b&gt;Bold&lt;/b&gt; subject")
        .doesNotContain("<b>Bold");

    HttpResponse<String> shown = get("/messages/" + id);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body())
        .contains("<iframe")
        .contains("src=\"/messages/" + id + "/html\"")
        .contains("sandbox=\"")
        .doesNotContain("allow-scripts")
        .doesNotContain("allow-same-origin")
        .contains("Plain &lt;i&gt;words&lt;/i&gt;.");

    HttpResponse<String> part = get("/messages/" + id + "/html");
    assertThat(part.statusCode()).isEqualTo(200);
    assertThat(part.headers().firstValue("Content-Security-Policy"))
        .hasValue(InboxPage.MAIL_POLICY);
    assertThat(InboxPage.MAIL_POLICY)
        .startsWith("default-src 'none';")
        .doesNotContain("script-src");
    assertThat(part.body())
        .isEqualTo(
            "<html><head><base target=\"_top\"><title>t</title></head><body><p>Hi</p>"
                + "<script>alert(1)</script></body></html>");
    assertThat(get("/messages/999999999").statusCode()).isEqualTo(404);
  }

  @Test
  void a_plain_text_mail_has_no_html_part_to_show() throws Exception {
    String subject = "Plain " + UUID.randomUUID();
    MimeMessage message = new MimeMessage(session());
    message.setFrom(new InternetAddress("noreply@digitaltowns.io"));
    message.setRecipients(Message.RecipientType.TO, "plain@example.org");
    message.setSubject(subject);
    message.setText("<p>not html</p>");
    Transport.send(message);
    JsonNode entry =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> inboxEntry(subject), found -> found != null);

    assertThat(entry.get("html").isNull()).isTrue();
    assertThat(get("/messages/" + entry.get("id").asLong() + "/html").statusCode()).isEqualTo(404);
    assertThat(get("/messages/" + entry.get("id").asLong()).body())
        .doesNotContain("<iframe")
        .contains("&lt;p&gt;not html");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(stack.mailApiUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void mail_sent_while_smtp_is_down_fails_and_succeeds_once_it_is_back() throws Exception {
    String subject = "Retry " + UUID.randomUUID();
    stack.mail().stop();
    try {
      MimeMessage message = new MimeMessage(session());
      message.setFrom(new InternetAddress("noreply@digitaltowns.io"));
      message.setRecipients(Message.RecipientType.TO, "retry@example.org");
      message.setSubject(subject);
      message.setText("second attempt");

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Transport.send(message))
          .isInstanceOf(MessagingException.class);
      stack.mail().start();
      Transport.send(message);
    } finally {
      stack.mail().start();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> inboxEntry(subject), entry -> entry != null);
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", stack.smtpHost());
    properties.put("mail.smtp.port", Integer.toString(stack.smtpPort()));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    return Session.getInstance(properties);
  }

  private JsonNode inboxEntry(String subject) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.mailApiUrl() + "/api/messages")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
        .filter(mail -> subject.equals(mail.path("subject").asText()))
        .findFirst()
        .orElse(null);
  }
}
