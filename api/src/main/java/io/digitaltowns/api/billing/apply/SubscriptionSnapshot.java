package io.digitaltowns.api.billing.apply;

import static io.digitaltowns.api.billing.apply.StripeJson.idOf;
import static io.digitaltowns.api.billing.apply.StripeJson.string;
import static io.digitaltowns.api.billing.apply.StripeJson.time;

import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a Stripe subscription object (https://docs.stripe.com/api/subscriptions/object) says, as of
 * one moment.
 *
 * @param cancelRequested a cancellation is requested or done: cancel_at_period_end, cancel_at or
 *     canceled_at set
 */
record SubscriptionSnapshot(
    String id,
    String customerId,
    String businessId,
    String status,
    Instant currentPeriodEnd,
    Instant cancelAt,
    boolean cancelRequested,
    Instant canceledAt,
    Instant endedAt,
    Instant trialEnd,
    String cancellationReason) {

  static final Set<String> ACTIVE = Set.of("active", "trialing");

  /** Statuses after which a subscription never changes again. */
  static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

  static SubscriptionSnapshot of(JsonNode subscription) {
    String id = string(subscription.get("id"));
    if (id == null) {
      throw new IllegalArgumentException("subscription without id");
    }
    // since API version 2025-03-31 the period is on the items; older versions have it on the
    // subscription
    Instant periodEnd = time(subscription.get("current_period_end"));
    for (JsonNode item : subscription.path("items").path("data")) {
      Instant itemEnd = time(item.get("current_period_end"));
      if (itemEnd != null && (periodEnd == null || itemEnd.isAfter(periodEnd))) {
        periodEnd = itemEnd;
      }
    }
    Instant cancelAt = time(subscription.get("cancel_at"));
    Instant canceledAt = time(subscription.get("canceled_at"));
    boolean cancelRequested =
        subscription.path("cancel_at_period_end").asBoolean(false)
            || cancelAt != null
            || canceledAt != null;
    if (cancelAt == null && subscription.path("cancel_at_period_end").asBoolean(false)) {
      cancelAt = periodEnd;
    }
    return new SubscriptionSnapshot(
        id,
        idOf(subscription.get("customer")),
        string(subscription.path("metadata").get("business_id")),
        string(subscription.get("status")),
        periodEnd,
        cancelAt,
        cancelRequested,
        canceledAt,
        time(subscription.get("ended_at")),
        time(subscription.get("trial_end")),
        string(subscription.path("cancellation_details").get("reason")));
  }

  boolean active() {
    return status != null && ACTIVE.contains(status);
  }

  boolean ended() {
    return status != null && ENDED.contains(status);
  }
}
