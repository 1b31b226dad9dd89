package io.digitaltowns.consumers.email;

import io.digitaltowns.infra.LocalStack;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The consumers' SMTP sender (connections reused) against the local stack's real SMTP server,
 * keeping every message it delivered exactly as it went out (headers final), because the server's
 * record of a mail ({@code ReceivedMail}) does not carry headers such as Reply-To.
 */
final class RecordingMailSender extends ConnectionReusingMailSender {

  private final List<MimeMessage> sent = new CopyOnWriteArrayList<>();

  RecordingMailSender(LocalStack stack) {
    this(stack, new SmtpConnectionProperties(Duration.ofSeconds(5), 100));
  }

  RecordingMailSender(LocalStack stack, SmtpConnectionProperties connections) {
    super(connections);
    setHost(stack.smtpHost());
    setPort(stack.smtpPort());
  }

  @Override
  protected void doSend(MimeMessage[] messages, Object[] originalMessages) {
    super.doSend(messages, originalMessages);
    sent.addAll(Arrays.asList(messages));
  }

  List<MimeMessage> sent() {
    return List.copyOf(sent);
  }
}
