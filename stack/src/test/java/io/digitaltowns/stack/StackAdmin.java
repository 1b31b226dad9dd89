package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin of the shared system ({@link SharedSystem#ADMIN_EMAIL}): registered and verified
 * through the welcome mail once per JVM, whichever test asks first, then signed in afresh for each
 * caller.
 */
final class StackAdmin {

  private static boolean verified;

  private StackAdmin() {}

  static synchronized String token(LocalSystem system) {
    ApiClient api = new ApiClient(system.apiUrl());
    if (!verified) {
      api.register(SharedSystem.ADMIN_EMAIL, "Stack Admin");
      Matcher link =
          Pattern.compile("https?://\\S+verify-email\\?token=([A-Za-z0-9_-]+)")
              .matcher(welcomeMail(system).text());
      assertThat(link.find()).isTrue();
      // the form the link leads to: the owner confirms the address with the password they keep
      assertThat(
              api.post(
                      "/api/auth/verify-email",
                      "{\"token\":\""
                          + link.group(1)
                          + "\",\"password\":\""
                          + ApiClient.PASSWORD
                          + "\"}")
                  .statusCode())
          .isEqualTo(200);
      verified = true;
    }
    return api.signIn(SharedSystem.ADMIN_EMAIL);
  }

  private static ReceivedMail welcomeMail(LocalSystem system) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                system.stack().mail().messages().stream()
                    .filter(mail -> mail.subject().equals("Welcome to DigitalTowns"))
                    .filter(
                        mail ->
                            mail.to().stream()
                                .anyMatch(address -> address.contains(SharedSystem.ADMIN_EMAIL)))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
