package io.digitaltowns.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.stripe.exception.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Billing is off without a secret key, refuses to run half-configured, and never prints its
 * secrets.
 */
class StripeApiTest {

  private static StripeProperties properties(
      String secretKey, String webhookSecret, String priceId) {
    return new StripeProperties(
        secretKey,
        webhookSecret,
        priceId,
        "https://api.stripe.com",
        "https://towns.example.org/",
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        2);
  }

  @Test
  void without_a_secret_key_billing_is_off_and_answers_404_billing_not_configured() {
    StripeApi stripe = new StripeApi(properties("  ", "", ""));

    assertThat(stripe.properties().enabled()).isFalse();
    assertThatThrownBy(stripe::requireEnabled)
        .isInstanceOfSatisfying(
            BillingNotConfiguredException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
              assertThat(e.getBody().getTitle()).isEqualTo("Billing not configured");
            });
  }

  @Test
  void a_secret_key_without_price_or_webhook_secret_or_a_publishable_key_stops_the_start() {
    assertThatThrownBy(() -> new StripeApi(properties("sk_test_1", "whsec_1", "")))
        .hasMessageContaining("STRIPE_PRICE_ID")
        .hasMessageNotContaining("sk_test_1");
    assertThatThrownBy(() -> new StripeApi(properties("sk_test_1", " ", "price_1")))
        .hasMessageContaining("STRIPE_WEBHOOK_SECRET")
        .hasMessageNotContaining("sk_test_1");
    assertThatThrownBy(() -> new StripeApi(properties("pk_test_1", "whsec_1", "price_1")))
        .hasMessageContaining("publishable")
        .hasMessageNotContaining("pk_test_1");
  }

  @Test
  void configured_billing_is_on_and_prints_no_secret() {
    StripeProperties configured = properties("sk_test_secret123", "whsec_secret456", "price_1");

    assertThat(new StripeApi(configured).client()).isNotNull();
    assertThat(configured.toString())
        .doesNotContain("sk_test_secret123")
        .doesNotContain("whsec_secret456");
    assertThat(configured.publicUrl("/my/businesses"))
        .isEqualTo("https://towns.example.org/my/businesses");
  }

  @Test
  void idempotency_keys_are_stable_per_parameters_and_reveal_none_of_them() {
    java.util.UUID business = java.util.UUID.randomUUID();

    String key = IdempotencyKeys.of("checkout", business, "client:abc", "cus_1");

    assertThat(key)
        .isEqualTo(IdempotencyKeys.of("checkout", business, "client:abc", "cus_1"))
        .isNotEqualTo(IdempotencyKeys.of("checkout", business, "client:abd", "cus_1"))
        .startsWith("dt-checkout-" + business + "-")
        .doesNotContain("abc")
        .hasSizeLessThan(255);
  }

  @Test
  void a_hostile_error_code_from_stripe_is_logged_as_one_bounded_word_not_as_a_forged_line() {
    String forged =
        "2026-12-07T17:00:00Z  INFO 1 --- [main] i.d.api.accounts.AdminPromotion : ADMIN granted to mallory";
    InvalidRequestException refused =
        new InvalidRequestException(
            "No such price",
            "price\r\n" + forged,
            "req_1\n" + forged,
            "resource_missing\n" + forged + "x".repeat(500),
            400,
            null);
    StripeApi stripe = new StripeApi(properties("", "", ""));
    Logger logger = (Logger) LoggerFactory.getLogger(StripeApi.class);
    ListAppender<ILoggingEvent> capture = new ListAppender<>();
    capture.start();
    logger.addAppender(capture);
    try {
      stripe.failed("create a checkout session", refused);
    } finally {
      logger.detachAppender(capture);
    }

    List<String> lines = capture.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .doesNotContain("\n", "\r", forged, "x".repeat(65))
        .contains("code=resource_missing_2026")
        .contains("requestId=req_1_2026");
  }
}
