package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiTestServers;
import io.digitaltowns.api.CloudflareCallsStub;
import io.digitaltowns.api.billing.BillingHttpTest;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeSignatures;
import io.digitaltowns.api.billing.StripeStub;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A resident's and an owner's whole life through the api, good calls and bad ones, with every log
 * line captured: no password, token, secret, card number or signed link may appear in any of them,
 * nor in any event the lifecycle wrote to the outbox.
 */
class LogRedactionTest extends BillingHttpTest {

  private static final String NEW_PASSWORD = "a second secret passphrase";
  private static final String RESET_PASSWORD = "a third secret passphrase";
  private static final String CARD_NUMBER = "4242424242424242";

  /**
   * Digit runs of card length standing alone, to be checked with Luhn. Runs inside a longer
   * letters-and-digits token are not cards: random hex ids (trace ids, Stripe event ids) hold 13+
   * digit runs now and then, and one in ten of those passes Luhn, which made this test fail by
   * chance.
   */
  private static final Pattern CARD_LIKE =
      Pattern.compile("(?<![0-9A-Za-z])\\d{13,19}(?![0-9A-Za-z])");

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private Logger root;
  private ch.qos.logback.classic.Level rootLevel;

  /**
   * At DEBUG, not the INFO of production: an operator who turns on debugging to chase a problem
   * must not start writing passwords (Spring MVC, for one, logs each request body it reads at
   * DEBUG).
   */
  @BeforeEach
  void captureEveryLogLineDownToDebug() {
    root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    captured.start();
    root.addAppender(captured);
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
  }

  @AfterEach
  void stopCapturing() {
    root.setLevel(rootLevel);
    root.detachAppender(captured);
    captured.stop();
  }

  @Test
  void no_secret_of_a_full_lifecycle_reaches_a_log_line_or_an_event() {
    Instant started = Instant.now().minusSeconds(1);
    List<String> secrets =
        new ArrayList<>(
            List.of(
                PASSWORD,
                NEW_PASSWORD,
                RESET_PASSWORD,
                ApiTestServers.JWT_SECRET,
                ApiTestServers.EMAIL_LINK_SECRET,
                StripeStub.SECRET_KEY,
                StripeStub.WEBHOOK_SECRET,
                CloudflareCallsStub.APP_SECRET,
                CARD_NUMBER));

    // register, verify, sign in (wrongly, then rightly), refresh, replay the old refresh token
    Member resident = registerAndSignIn("redaction-resident");
    secrets.add(resident.accessToken());
    secrets.add(resident.refreshToken());
    String verifyToken =
        linkTokenFromNewestEvent(resident.id(), "UserRegistered", Purpose.VERIFY_EMAIL);
    secrets.add(verifyToken);
    assertThat(get("/api/auth/verify-email?token=" + verifyToken, null).statusCode())
        .isLessThan(500);
    assertThat(post("/api/auth/verify-email", null, json().put("token", verifyToken)).statusCode())
        .as("the spent link again")
        .isLessThan(500);
    assertThat(login(resident.email(), "a wrong password, mistyped").statusCode()).isEqualTo(401);
    secrets.add("a wrong password, mistyped");
    HttpResponse<String> refreshed =
        post("/api/auth/refresh", null, json().put("refreshToken", resident.refreshToken()));
    assertThat(refreshed.statusCode()).isEqualTo(200);
    String newRefreshToken = read(refreshed).get("refreshToken").asText();
    secrets.add(newRefreshToken);
    secrets.add(read(refreshed).get("accessToken").asText());
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", resident.refreshToken()))
                .statusCode())
        .as("the replayed refresh token")
        .isEqualTo(401);

    // a forged token, a change of password, a reset by mail
    String forged =
        resident.accessToken().substring(0, resident.accessToken().length() - 4) + "AAAA";
    secrets.add(forged);
    assertThat(get("/api/me", forged).statusCode()).isEqualTo(401);
    assertThat(
            post(
                    "/api/me/password",
                    resident.accessToken(),
                    json().put("currentPassword", PASSWORD).put("newPassword", NEW_PASSWORD))
                .statusCode())
        .isLessThan(300);
    assertThat(
            post("/api/auth/forgot-password", null, json().put("email", resident.email()))
                .statusCode())
        .isEqualTo(202);
    String resetToken =
        linkTokenFromNewestEvent(resident.id(), "PasswordResetRequested", Purpose.RESET_PASSWORD);
    secrets.add(resetToken);
    assertThat(
            post(
                    "/api/auth/reset-password",
                    null,
                    json().put("token", resetToken).put("password", RESET_PASSWORD))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            post(
                    "/api/auth/reset-password",
                    null,
                    json().put("token", resetToken).put("password", RESET_PASSWORD))
                .statusCode())
        .as("the link works once")
        .isEqualTo(400);
    JsonNode signedIn = read(login(resident.email(), RESET_PASSWORD));
    String residentToken = signedIn.get("accessToken").asText();
    secrets.add(residentToken);
    secrets.add(signedIn.get("refreshToken").asText());

    // a listing, a message to it, a subscription paid by card through Stripe, forged and replayed
    // webhooks
    secrets.add(owner.accessToken());
    secrets.add(owner.refreshToken());
    secrets.add(admin.accessToken());
    UUID business = publishedBusiness("Redaction Bakery");
    assertThat(
            post(
                    "/api/businesses/" + business + "/contact",
                    residentToken,
                    json()
                        .put(
                            "message",
                            "My card is " + CARD_NUMBER + " and my password is " + RESET_PASSWORD))
                .statusCode())
        .isEqualTo(202);
    String eventId = "evt_1" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String payload =
        StripeObjects.subscriptionUpdated(
            eventId,
            Instant.now().getEpochSecond(),
            "sub_1" + UUID.randomUUID().toString().replace("-", "").substring(0, 14),
            "cus_redaction",
            business.toString());
    String signature = StripeSignatures.header(payload, Instant.now().getEpochSecond());
    secrets.add(signature.substring(signature.indexOf("v1=") + 3));
    assertThat(deliver(payload, signature).statusCode()).isEqualTo(200);
    assertThat(deliver(payload, signature).statusCode()).as("replayed").isEqualTo(200);
    String stale = StripeSignatures.header(payload, Instant.now().getEpochSecond() - 600);
    secrets.add(stale.substring(stale.indexOf("v1=") + 3));
    assertThat(deliver(payload, stale).statusCode()).isEqualTo(400);
    String forgedSignature =
        StripeSignatures.header(
            payload, "whsec_forged_by_someone_else", Instant.now().getEpochSecond());
    secrets.add(forgedSignature.substring(forgedSignature.indexOf("v1=") + 3));
    assertThat(deliver(payload, forgedSignature).statusCode()).isEqualTo(400);

    // sign out everywhere, delete the account
    assertThat(
            post("/api/auth/logout", null, json().put("refreshToken", newRefreshToken))
                .statusCode())
        .isEqualTo(204);
    assertThat(delete("/api/me", residentToken).statusCode()).isEqualTo(204);

    List<String> lines = logLines();
    writeFigures(lines.size(), outboxPayloadsSince(started).size(), secrets.size());
    assertThat(lines).as("the capture saw the lifecycle").isNotEmpty();
    org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();
    for (String secret : secrets) {
      softly
          .assertThat(lines)
          .as("log lines holding a secret")
          .filteredOn(line -> line.contains(secret))
          .extracting(line -> abbreviate(line))
          .isEmpty();
    }
    softly.assertAll();
    assertThat(lines)
        .as("log lines holding a card number")
        .filteredOn(LogRedactionTest::holdsCardNumber)
        .extracting(LogRedactionTest::abbreviate)
        .isEmpty();
    assertThat(lines)
        .as("log lines holding a signed link")
        .noneMatch(line -> line.contains("token="));

    List<String> events = outboxPayloadsSince(started);
    assertThat(events).as("the lifecycle wrote events").isNotEmpty();
    // the resident's own message is theirs to send to the owner; every other secret stays out of
    // events
    List<String> notInEvents =
        secrets.stream()
            .filter(secret -> !secret.equals(CARD_NUMBER) && !secret.equals(RESET_PASSWORD))
            .toList();
    for (String secret : notInEvents) {
      assertThat(events).as("events holding a secret").noneMatch(event -> event.contains(secret));
    }
  }

  @Test
  void the_card_scan_sees_a_card_number_but_not_a_digit_run_inside_a_trace_id() {
    assertThat(holdsCardNumber("message=My card is " + CARD_NUMBER + " thanks")).isTrue();
    assertThat(holdsCardNumber("{traceId=cb9b71581210324938cc8b5a7abf4081}"))
        .as("a Luhn-valid run inside hex")
        .isFalse();
    assertThat(luhn("71581210324938")).isTrue();
  }

  private static void writeFigures(int lines, int events, int secrets) {
    try {
      java.nio.file.Path file =
          java.nio.file.Path.of("target", "security-figures", "log-redaction.txt");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(
          file,
          "log lines captured: "
              + lines
              + "\noutbox events scanned: "
              + events
              + "\nsecrets looked for: "
              + secrets
              + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private HttpResponse<String> deliver(String payload, String signature) {
    return postRaw(
        "/api/stripe/webhook",
        payload,
        Map.of("Content-Type", "application/json", "Stripe-Signature", signature));
  }

  /** Each event rendered as its message, its arguments, its MDC and its exceptions' messages. */
  private List<String> logLines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(captured.list)) {
      if (isTestStandIn(event.getLoggerName())) {
        continue;
      }
      StringBuilder line =
          new StringBuilder(event.getLoggerName())
              .append(' ')
              .append(event.getFormattedMessage())
              .append(' ')
              .append(event.getMDCPropertyMap());
      for (IThrowableProxy failure = event.getThrowableProxy();
          failure != null;
          failure = failure.getCause()) {
        line.append(' ').append(failure.getClassName()).append(": ").append(failure.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The test's own side, not the api's: the JDK HTTP client the test calls with, and the WireMock
   * stand-ins for Stripe and Cloudflare, log what they send and receive.
   */
  private static boolean isTestStandIn(String logger) {
    return logger.startsWith("jdk.internal.httpclient")
        || logger.startsWith("wiremock.")
        || logger.startsWith("com.github.tomakehurst")
        || logger.contains("WireMock");
  }

  private List<String> outboxPayloadsSince(Instant since) {
    return jdbc
        .sql("SELECT payload FROM outbox WHERE occurred_at >= :since")
        .param("since", java.sql.Timestamp.from(since))
        .query(byte[].class)
        .list()
        .stream()
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
        .toList();
  }

  private static String abbreviate(String line) {
    return line.length() <= 400 ? line : line.substring(0, 400) + "...";
  }

  private static boolean holdsCardNumber(String line) {
    Matcher digits = CARD_LIKE.matcher(line);
    while (digits.find()) {
      if (luhn(digits.group())) {
        return true;
      }
    }
    return false;
  }

  private static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int digit = digits.charAt(i) - '0';
      if (twice) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
