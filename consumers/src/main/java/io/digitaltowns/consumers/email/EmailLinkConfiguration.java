package io.digitaltowns.consumers.email;

import io.digitaltowns.events.links.EmailLinkTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key of emailed links, needed only where the email group runs (the other groups' workers have
 * none).
 */
@Configuration
@ConditionalOnProperty(
    name = "digitaltowns.consumers.email.enabled",
    havingValue = "true",
    matchIfMissing = true)
class EmailLinkConfiguration {

  /**
   * Fails the start when the key is missing or short: mails with links the api rejects are worse
   * than no consumer.
   */
  @Bean
  EmailLinkTokens emailLinkTokens(EmailProperties properties) {
    try {
      return new EmailLinkTokens(properties.linkSecret());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "EMAIL_LINK_SECRET (digitaltowns.email.link-secret) must be set to the api's "
              + "email link key, at least 32 bytes: "
              + e.getMessage(),
          e);
    }
  }
}
