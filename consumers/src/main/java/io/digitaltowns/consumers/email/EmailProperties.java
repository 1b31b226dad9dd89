package io.digitaltowns.consumers.email;

import io.digitaltowns.platform.diagnostics.Redacted;
import jakarta.mail.internet.AddressException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender of every mail ({@code EMAIL_FROM})
 * @param publicBaseUrl where links in mails point ({@code PUBLIC_BASE_URL})
 * @param linkSecret the key from which the tokens in emailed links are derived ({@code
 *     EMAIL_LINK_SECRET}, at least 32 bytes); the api must hold the same value, or it rejects every
 *     link this consumer mails. No default: a consumer without the real key must not start and send
 *     dead links.
 * @param adminAddresses who is mailed when a listing waits for review ({@code ADMIN_EMAILS},
 *     comma-separated, the same variable by which the api makes these addresses admins); blanks and
 *     repeats are dropped, a malformed entry stops the start. Empty: nobody is mailed (the consumer
 *     logs each submission instead).
 */
@ConfigurationProperties("digitaltowns.email")
public record EmailProperties(
    @DefaultValue("DigitalTowns <no-reply@digitaltowns.local>") String from,
    @DefaultValue("http://localhost:8080") String publicBaseUrl,
    String linkSecret,
    List<String> adminAddresses) {

  public EmailProperties {
    adminAddresses = validAddresses(adminAddresses);
  }

  /**
   * Keeps the secret and the admins' addresses out of logs and diagnostics that print the settings.
   */
  @Override
  public String toString() {
    return "EmailProperties[from="
        + from
        + ", publicBaseUrl="
        + publicBaseUrl
        + ", linkSecret="
        + Redacted.secret(linkSecret)
        + ", adminAddresses=<"
        + adminAddresses.size()
        + ">]";
  }

  private static List<String> validAddresses(List<String> configured) {
    if (configured == null) {
      return List.of();
    }
    List<String> addresses = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int position = 0;
    for (String entry : configured) {
      position++;
      String candidate = entry == null ? "" : entry.strip();
      if (candidate.isEmpty()) {
        continue;
      }
      String address = parse(candidate, position);
      if (seen.add(address.toLowerCase(Locale.ROOT))) {
        addresses.add(address);
      }
    }
    return List.copyOf(addresses);
  }

  private static String parse(String candidate, int position) {
    try {
      // as strict as the mails to it will be: an entry SMTP cannot deliver exactly stops the start,
      // instead of
      // dead-lettering every listing submitted for review
      return DeliverableAddress.of(candidate, "admin").getAddress();
    } catch (AddressException e) {
      // neither the entry nor the library's message (which quotes it) goes into the failure: it is
      // an address, and a failed start is logged
      throw new IllegalArgumentException(
          "ADMIN_EMAILS (digitaltowns.email.admin-addresses): entry "
              + position
              + " is not a valid email address");
    }
  }
}
