package io.digitaltowns.consumers.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the email consumer keeps an SMTP connection open for the next mail ({@link
 * ConnectionReusingMailSender}).
 *
 * @param maxIdle a connection unused for longer is closed instead of reused ({@code
 *     SMTP_CONNECTION_MAX_IDLE}). Keep it below the server's own idle timeout: servers drop idle
 *     clients (Postfix after 10 s when it is busy), and a mail that meets a connection the server
 *     already dropped costs a reconnect.
 * @param maxMessages mails sent over one connection before a new one is opened ({@code
 *     SMTP_CONNECTION_MAX_MESSAGES}), for providers that limit mails per connection; 1 opens a
 *     connection for every mail.
 */
@ConfigurationProperties("digitaltowns.email.smtp-connection")
public record SmtpConnectionProperties(
    @DefaultValue("5s") Duration maxIdle, @DefaultValue("100") int maxMessages) {

  public SmtpConnectionProperties {
    if (maxIdle == null || maxIdle.isNegative()) {
      throw new IllegalArgumentException(
          "SMTP_CONNECTION_MAX_IDLE (digitaltowns.email.smtp-connection.max-idle) "
              + "must not be negative");
    }
    if (maxMessages < 1) {
      throw new IllegalArgumentException(
          "SMTP_CONNECTION_MAX_MESSAGES (digitaltowns.email.smtp-connection.max-messages) "
              + "must be at least 1");
    }
  }
}
