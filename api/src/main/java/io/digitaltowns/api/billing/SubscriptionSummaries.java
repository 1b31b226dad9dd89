package io.digitaltowns.api.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the owner's subscription page shows of a business's billing: the state the verified Stripe
 * events left in {@code business_billing} and {@code billing_subscriptions}, and the amount of the
 * latest invoice seen.
 */
@Component
public class SubscriptionSummaries {

  private final JdbcClient jdbc;

  SubscriptionSummaries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param status Stripe's subscription status, null before the first subscription
   * @param cancelRequested the owner asked to cancel; it ends at {@code cancelAt}
   * @param amount the latest invoice's amount in the currency's minor units, null before any
   *     invoice
   */
  public record SubscriptionSummary(
      String customerId,
      String status,
      Instant currentPeriodEnd,
      boolean cancelRequested,
      Instant cancelAt,
      Long amount,
      String currency) {

    public boolean live() {
      return status != null && BillingAccounts.LIVE_STATUSES.contains(status);
    }
  }

  public Optional<SubscriptionSummary> of(UUID businessId) {
    return jdbc.sql(
            """
            SELECT bb.stripe_customer_id, bb.status, bb.current_period_end,
                   coalesce(s.cancel_requested, false) AS cancel_requested, coalesce(s.cancel_at, bb.cancel_at) AS cancel_at,
                   p.amount, p.currency
            FROM business_billing bb
            LEFT JOIN billing_subscriptions s ON s.subscription_id = bb.subscription_id
            LEFT JOIN LATERAL (SELECT amount, currency FROM billing_invoice_payments
                               WHERE subscription_id = bb.subscription_id
                               ORDER BY recorded_at DESC LIMIT 1) p ON true
            WHERE bb.business_id = :business
            """)
        .param("business", businessId)
        .query(
            (rs, n) ->
                new SubscriptionSummary(
                    rs.getString("stripe_customer_id"),
                    rs.getString("status"),
                    instant(rs.getTimestamp("current_period_end")),
                    rs.getBoolean("cancel_requested"),
                    instant(rs.getTimestamp("cancel_at")),
                    (Long) rs.getObject("amount"),
                    rs.getString("currency")))
        .optional();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
