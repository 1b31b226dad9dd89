package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The account flows that go through a mailbox, end to end: api → outbox → relay → Kafka → email
 * consumer → SMTP, then the link in the received mail is followed as a person would.
 */
class AccountMailFlowsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery staple";
  private static final String NEW_PASSWORD = "an entirely new passphrase";
  private static final Pattern LINK = Pattern.compile("(https?://\\S+[?&]token=([A-Za-z0-9_-]+))");

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void the_link_in_the_welcome_mail_leads_to_the_form_that_confirms_the_address() {
    String email = ApiClient.uniqueEmail("click");
    api.register(email, "Clicker");

    String link = linkIn(awaitMail(email, "Welcome to DigitalTowns"));
    HttpResponse<String> opened = api.get(link);

    assertThat(opened.statusCode()).as("opening the link changes nothing").isEqualTo(303);
    assertThat(opened.headers().firstValue("Location"))
        .hasValue("/verify-email?token=" + tokenOf(link));
    HttpResponse<String> confirmed = confirm(tokenOf(link), NEW_PASSWORD);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    String accessToken = signIn(email, NEW_PASSWORD).get("accessToken").asText();
    assertThat(
            ApiClient.read(api.get(system.apiUrl() + "/api/me", accessToken).body())
                .get("emailVerified")
                .asBoolean())
        .isTrue();
    assertThat(confirm(tokenOf(link), NEW_PASSWORD).statusCode())
        .as("a link works once")
        .isEqualTo(400);
  }

  @Test
  void a_new_verification_link_can_be_asked_for_and_works() {
    String email = ApiClient.uniqueEmail("resend");
    api.register(email, "Resender");
    awaitMail(email, "Welcome to DigitalTowns");

    api.post(
        "/api/auth/verify-email/resend", JSON.createObjectNode().put("email", email).toString());

    assertThat(
            confirm(tokenOf(linkIn(awaitMail(email, "Confirm your email address"))), PASSWORD)
                .statusCode())
        .isEqualTo(200);
  }

  /** What the confirmation page's form sends. */
  private HttpResponse<String> confirm(String token, String password) {
    return api.post(
        "/api/auth/verify-email",
        JSON.createObjectNode().put("token", token).put("password", password).toString());
  }

  @Test
  void forgetting_the_password_ends_with_a_new_one_and_a_notice_and_nothing_secret_in_the_logs() {
    try (LogCapture logs = LogCapture.attach()) {
      String email = ApiClient.uniqueEmail("forgot");
      api.register(email, "Forgetful");
      JsonNode session = signIn(email, PASSWORD);

      assertThat(
              api.post(
                      "/api/auth/forgot-password",
                      JSON.createObjectNode().put("email", email).toString())
                  .statusCode())
          .isEqualTo(202);
      String link = linkIn(awaitMail(email, "Reset your DigitalTowns password"));
      String token = tokenOf(link);
      HttpResponse<String> reset =
          api.post(
              "/api/auth/reset-password",
              JSON.createObjectNode().put("token", token).put("password", NEW_PASSWORD).toString());

      assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
      ReceivedMail notice = awaitMail(email, "Your password was changed");
      assertThat(LINK.matcher(notice.text()).find()).as("the notice carries no token").isFalse();
      assertThat(
              api.post(
                      "/api/auth/refresh",
                      JSON.createObjectNode()
                          .put("refreshToken", session.get("refreshToken").asText())
                          .toString())
                  .statusCode())
          .isEqualTo(401);
      JsonNode newSession = signIn(email, NEW_PASSWORD);

      List<String> secrets =
          new ArrayList<>(
              List.of(
                  PASSWORD,
                  NEW_PASSWORD,
                  token,
                  session.get("accessToken").asText(),
                  session.get("refreshToken").asText(),
                  newSession.get("accessToken").asText(),
                  newSession.get("refreshToken").asText()));
      assertThat(logs.lines()).as("something was captured").isNotEmpty();
      assertThat(logs.lines()).allSatisfy(line -> assertThat(secrets).noneMatch(line::contains));
    }
  }

  private JsonNode signIn(String email, String password) {
    HttpResponse<String> response =
        api.post(
            "/api/auth/login",
            JSON.createObjectNode().put("email", email).put("password", password).toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiClient.read(response.body());
  }

  private ReceivedMail awaitMail(String to, String subject) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                system.stack().mail().messages().stream()
                    .filter(mail -> mail.subject().equals(subject))
                    .filter(mail -> mail.to().stream().anyMatch(address -> address.contains(to)))
                    .reduce((first, second) -> second),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static String linkIn(ReceivedMail mail) {
    Matcher matcher = LINK.matcher(mail.text());
    assertThat(matcher.find()).as("a link with a token in: %s", mail.subject()).isTrue();
    return matcher.group(1);
  }

  private static String tokenOf(String link) {
    Matcher matcher = LINK.matcher(link);
    assertThat(matcher.find()).isTrue();
    return matcher.group(2);
  }
}
