package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proves a registered address the way its owner does: the welcome mail's link carries a token,
 * which the confirmation POSTs with the password {@link ApiClient#register} gives everyone
 * (features that need a verified address, such as contacting a business, are tested with one).
 */
final class AddressProof {

  private static final Pattern VERIFY_LINK =
      Pattern.compile("https?://\\S+verify-email\\?token=([A-Za-z0-9_-]+)");

  private AddressProof() {}

  static void prove(LocalSystem system, ApiClient api, String email) {
    Matcher link = VERIFY_LINK.matcher(welcomeMail(system, email).text());
    assertThat(link.find()).as("the welcome mail to %s has a confirmation link", email).isTrue();
    String body =
        "{\"token\":\"" + link.group(1) + "\",\"password\":\"" + ApiClient.PASSWORD + "\"}";
    assertThat(api.post("/api/auth/verify-email", body).statusCode())
        .as("confirming %s", email)
        .isLessThan(300);
  }

  private static ReceivedMail welcomeMail(LocalSystem system, String email) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                system.stack().mail().messages().stream()
                    .filter(mail -> mail.subject().equals("Welcome to DigitalTowns"))
                    .filter(mail -> mail.to().stream().anyMatch(address -> address.contains(email)))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
