package io.digitaltowns.consumers.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from          the sender of every mail ({@code EMAIL_FROM})
 * @param publicBaseUrl where links in mails point ({@code PUBLIC_BASE_URL})
 * @param linkSecret    the key from which the tokens in emailed links are derived
 *                      ({@code EMAIL_LINK_SECRET}, at least 32 bytes); the api must hold the same
 *                      value, or it rejects every link this consumer mails. No default: a consumer
 *                      without the real key must not start and send dead links.
 */
@ConfigurationProperties("digitaltowns.email")
public record EmailProperties(
    @DefaultValue("DigitalTowns <no-reply@digitaltowns.local>") String from,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    String linkSecret) {

  /** Keeps the secret out of logs and diagnostics that print the settings. */
  @Override
  public String toString() {
    return "EmailProperties[from=" + from + ", publicBaseUrl=" + publicBaseUrl
        + ", linkSecret=" + (linkSecret == null || linkSecret.isEmpty() ? "<unset>" : "******") + "]";
  }
}
