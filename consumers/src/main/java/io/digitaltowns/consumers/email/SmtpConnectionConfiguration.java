package io.digitaltowns.consumers.email;

import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The mail sender of the consumers: {@link ConnectionReusingMailSender} in place of the one Spring
 * Boot would make, from the same {@code spring.mail.*} settings (Boot's own backs off when there is
 * one). Boot's SSL bundles and JNDI session are not carried over: this project sets TLS with {@code
 * mail.smtp.starttls.enable} / {@code mail.smtp.ssl.enable} ({@code SMTP_STARTTLS}, {@code
 * SMTP_SSL}), so a setting that would be ignored stops the start instead.
 */
@Configuration
@EnableConfigurationProperties(MailProperties.class)
class SmtpConnectionConfiguration {

  @Bean
  ConnectionReusingMailSender mailSender(
      MailProperties mail, SmtpConnectionProperties connections) {
    if (mail.getSsl().isEnabled()
        || StringUtils.hasText(mail.getSsl().getBundle())
        || StringUtils.hasText(mail.getJndiName())) {
      throw new IllegalStateException(
          "spring.mail.ssl.* and spring.mail.jndi-name are not supported by the consumers' "
              + "mail sender; use SMTP_STARTTLS / SMTP_SSL (mail.smtp.* properties)");
    }
    StreamProviderLookup.pinToAngus();
    ConnectionReusingMailSender sender = new ConnectionReusingMailSender(connections);
    sender.setHost(mail.getHost());
    if (mail.getPort() != null) {
      sender.setPort(mail.getPort());
    }
    sender.setUsername(mail.getUsername());
    sender.setPassword(mail.getPassword());
    sender.setProtocol(mail.getProtocol());
    if (mail.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(mail.getDefaultEncoding().name());
    }
    Properties properties = new Properties();
    properties.putAll(mail.getProperties());
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
