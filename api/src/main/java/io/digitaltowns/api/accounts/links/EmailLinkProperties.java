package io.digitaltowns.api.accounts.links;

import io.digitaltowns.platform.diagnostics.Redacted;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret EMAIL_LINK_SECRET, shared with the email consumer, which derives the same link
 *     tokens from event ids (at least 32 bytes)
 * @param verifyEmailTtl how long a verification link works
 * @param resetPasswordTtl how long a password-reset link works
 */
@ConfigurationProperties("digitaltowns.email-links")
public record EmailLinkProperties(
    String secret,
    @DefaultValue("48h") Duration verifyEmailTtl,
    @DefaultValue("1h") Duration resetPasswordTtl) {

  @Override
  public String toString() {
    return Redacted.toString(this, "secret");
  }
}
