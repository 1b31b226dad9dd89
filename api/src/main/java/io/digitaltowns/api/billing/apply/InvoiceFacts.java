package io.digitaltowns.api.billing.apply;

import static io.digitaltowns.api.billing.apply.StripeJson.idOf;
import static io.digitaltowns.api.billing.apply.StripeJson.number;
import static io.digitaltowns.api.billing.apply.StripeJson.string;
import static io.digitaltowns.api.billing.apply.StripeJson.time;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What a Stripe invoice object (https://docs.stripe.com/api/invoices/object) says about a
 * subscription payment.
 */
record InvoiceFacts(
    String id,
    String subscriptionId,
    String customerId,
    String billingReason,
    long amountPaid,
    long amountDue,
    String currency,
    Instant periodEnd,
    int attemptCount,
    Instant nextPaymentAttempt) {

  static InvoiceFacts of(JsonNode invoice) {
    String subscriptionId = idOf(invoice.get("subscription"));
    if (subscriptionId == null) {
      // since API version 2025-03-31
      subscriptionId =
          idOf(invoice.path("parent").path("subscription_details").get("subscription"));
    }
    // the end of the subscription period the invoice pays for: its subscription line's period
    Instant periodEnd = null;
    for (JsonNode line : invoice.path("lines").path("data")) {
      Instant end = time(line.path("period").get("end"));
      if (end != null && (periodEnd == null || end.isAfter(periodEnd))) {
        periodEnd = end;
      }
    }
    if (periodEnd == null) {
      periodEnd = time(invoice.get("period_end"));
    }
    Long paid = number(invoice.get("amount_paid"));
    Long due = number(invoice.get("amount_due"));
    Long attempts = number(invoice.get("attempt_count"));
    String currency = string(invoice.get("currency"));
    return new InvoiceFacts(
        string(invoice.get("id")),
        subscriptionId,
        idOf(invoice.get("customer")),
        string(invoice.get("billing_reason")),
        paid == null ? 0 : paid,
        due == null ? 0 : due,
        currency == null ? "" : currency,
        periodEnd,
        attempts == null ? 1 : Math.toIntExact(attempts),
        time(invoice.get("next_payment_attempt")));
  }

  /** The first invoice of a subscription, whose payment starts it; later ones renew it. */
  boolean firstOfSubscription() {
    return "subscription_create".equals(billingReason);
  }
}
