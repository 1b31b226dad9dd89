package io.digitaltowns.api.site.owner;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.billing.SubscriptionSummaries.SubscriptionSummary;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionViewTest {

  private static final Instant PERIOD_END = Instant.parse("2027-01-07T10:00:00Z");

  @Test
  void
      back_from_checkout_before_the_webhook_the_page_says_the_payment_is_being_confirmed_and_polls() {
    SubscriptionView view =
        SubscriptionView.of(
            new SubscriptionSummary("cus_1", null, null, false, null, null, null), true);

    assertThat(view.headline()).isEqualTo("Payment being confirmed");
    assertThat(view.awaitingPayment()).isTrue();
    assertThat(view.mayStart()).isFalse();
    assertThat(view.landingMessage("success")).contains("as soon as Stripe confirms the payment");
  }

  @Test
  void
      an_active_subscription_shows_the_next_renewal_and_the_amount_and_offers_manage_not_subscribe() {
    SubscriptionView view =
        SubscriptionView.of(
            new SubscriptionSummary("cus_1", "active", PERIOD_END, false, null, 1900L, "eur"),
            true);

    assertThat(view.headline()).isEqualTo("Active");
    assertThat(view.status()).isEqualTo("active");
    assertThat(view.periodEnd()).isEqualTo("Next renewal on 7 January 2027.");
    assertThat(view.amount()).isEqualTo("EUR 19.00 a month");
    assertThat(view.awaitingPayment()).isFalse();
    assertThat(view.mayStart()).isFalse();
    assertThat(view.mayManage()).isTrue();
    assertThat(view.landingMessage("success"))
        .isEqualTo("Thank you! Stripe has confirmed your payment.");
    assertThat(view.landingMessage("anything else")).isNull();
  }

  @Test
  void active_before_the_first_invoice_is_seen_the_page_keeps_asking() {
    SubscriptionView view =
        SubscriptionView.of(
            new SubscriptionSummary("cus_1", "active", PERIOD_END, false, null, null, null), true);

    assertThat(view.headline()).isEqualTo("Active");
    assertThat(view.awaitingPayment()).isTrue();
  }

  @Test
  void a_canceled_subscription_still_running_says_when_it_ends() {
    SubscriptionView view =
        SubscriptionView.of(
            new SubscriptionSummary("cus_1", "active", PERIOD_END, true, PERIOD_END, 1900L, "eur"),
            false);

    assertThat(view.periodEnd()).isEqualTo("Canceled: ends on 7 January 2027.");
    assertThat(view.detail()).contains("until the subscription ends");
  }

  @Test
  void a_zero_decimal_currency_is_not_divided_by_a_hundred() {
    assertThat(SubscriptionView.money(1900, "jpy")).isEqualTo("JPY 1900");
  }
}
