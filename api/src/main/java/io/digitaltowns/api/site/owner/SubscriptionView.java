package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.billing.SubscriptionSummaries.SubscriptionSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * How an owner reads the subscription's state (Stripe's status words turned into sentences).
 *
 * @param status Stripe's status word as is ("active", "past_due"), shown beside the headline
 * @param periodEnd the next renewal, or the day a canceled subscription stops, as a sentence; null
 *     if none
 * @param amount "EUR 19.00 a month", null before the first invoice
 * @param mayStart whether the Subscribe button is offered (no running subscription)
 * @param mayManage whether the Manage button (Stripe's customer portal) is offered: there is a
 *     customer
 * @param awaitingPayment back from Checkout and Stripe's confirmation not in yet: the page asks
 *     again shortly
 */
public record SubscriptionView(
    String headline,
    String status,
    String detail,
    String periodEnd,
    String amount,
    boolean mayStart,
    boolean mayManage,
    boolean awaitingPayment) {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  static SubscriptionView of(SubscriptionSummary summary, boolean backFromCheckout) {
    String status = summary == null ? null : summary.status();
    boolean mayManage = summary != null && summary.customerId() != null;
    if (status == null) {
      return new SubscriptionView(
          backFromCheckout ? "Payment being confirmed" : "No subscription",
          null,
          backFromCheckout
              ? "Stripe is confirming your payment. This page updates by itself."
              : "Subscribe to be featured at the top of your town's page.",
          null,
          null,
          !backFromCheckout,
          mayManage,
          backFromCheckout);
    }
    String amount =
        summary.amount() == null ? null : money(summary.amount(), summary.currency()) + " a month";
    String periodEnd = periodSentence(summary);
    return switch (status) {
      // the subscription's event may come before its first invoice's: back from Checkout, ask again
      // until the
      // payment is in too
      case "active", "trialing" ->
          new SubscriptionView(
              "Active",
              status,
              summary.cancelRequested()
                  ? "Your business is featured until the subscription ends."
                  : "Your business is featured.",
              periodEnd,
              amount,
              false,
              mayManage,
              backFromCheckout && summary.amount() == null);
      case "past_due", "unpaid" ->
          new SubscriptionView(
              "Payment overdue",
              status,
              "Stripe could not take the last payment. Update your card in Stripe's customer portal (Manage).",
              periodEnd,
              amount,
              false,
              mayManage,
              false);
      case "incomplete" ->
          new SubscriptionView(
              "Waiting for the first payment",
              status,
              "Stripe has not confirmed the first payment yet.",
              null,
              amount,
              true,
              mayManage,
              backFromCheckout);
      case "canceled", "incomplete_expired" ->
          new SubscriptionView(
              "Ended",
              status,
              "The subscription has ended. Subscribe again to be featured.",
              null,
              amount,
              !backFromCheckout,
              mayManage,
              backFromCheckout);
      default ->
          new SubscriptionView(
              status, status, "", periodEnd, amount, !summary.live(), mayManage, false);
    };
  }

  private static String periodSentence(SubscriptionSummary summary) {
    if (summary.cancelRequested()) {
      Instant end = summary.cancelAt() != null ? summary.cancelAt() : summary.currentPeriodEnd();
      return end == null ? null : "Canceled: ends on " + DATE.format(end) + ".";
    }
    return summary.currentPeriodEnd() == null
        ? null
        : "Next renewal on " + DATE.format(summary.currentPeriodEnd()) + ".";
  }

  static String money(long minorUnits, String currency) {
    String code = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    } catch (IllegalArgumentException e) {
      digits = 2;
    }
    return code + " " + BigDecimal.valueOf(minorUnits, digits).toPlainString();
  }

  /**
   * What Stripe Checkout's return to {@code ?checkout=success|canceled} says, given what the page
   * shows; null for any other value.
   */
  String landingMessage(String checkout) {
    if ("success".equals(checkout)) {
      return awaitingPayment
          ? "Thank you! Stripe has your payment details. The subscription shows as active here as soon as Stripe "
              + "confirms the payment, usually within a minute."
          : "Thank you! Stripe has confirmed your payment.";
    }
    if ("canceled".equals(checkout)) {
      return "Checkout was canceled: nothing was charged. You can subscribe whenever you like.";
    }
    return null;
  }
}
