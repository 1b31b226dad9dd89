package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.billing.BillingAccounts.BillingAccount;
import java.time.Instant;

/**
 * How an owner reads the subscription's state (Stripe's status words turned into sentences).
 *
 * @param mayStart whether the Subscribe button is offered (no running subscription)
 */
public record SubscriptionView(String headline, String detail, Instant currentPeriodEnd, boolean mayStart) {

  static SubscriptionView of(BillingAccount account) {
    String status = account == null ? null : account.status();
    if (status == null) {
      return new SubscriptionView("No subscription", "Subscribe to be featured at the top of your town's page.", null,
          true);
    }
    Instant end = account.currentPeriodEnd();
    return switch (status) {
      case "active", "trialing" -> new SubscriptionView("Active", "Your business is featured.", end, false);
      case "past_due", "unpaid" -> new SubscriptionView("Payment overdue",
          "Stripe could not take the last payment. Update your card in Stripe's customer portal.", end, false);
      case "incomplete" -> new SubscriptionView("Waiting for the first payment",
          "Stripe has not confirmed the first payment yet.", end, true);
      case "canceled", "incomplete_expired" -> new SubscriptionView("Ended",
          "The subscription has ended. Subscribe again to be featured.", end, true);
      default -> new SubscriptionView(status, "", end, !account.subscriptionLive());
    };
  }

  /** What Stripe Checkout's return to {@code ?checkout=success|canceled} says; null for any other value. */
  static String landingMessage(String checkout) {
    if ("success".equals(checkout)) {
      return "Thank you! Stripe has your payment details. The subscription shows as active here as soon as Stripe "
          + "confirms the payment, usually within a minute.";
    }
    if ("canceled".equals(checkout)) {
      return "Checkout was canceled: nothing was charged. You can subscribe whenever you like.";
    }
    return null;
  }
}
