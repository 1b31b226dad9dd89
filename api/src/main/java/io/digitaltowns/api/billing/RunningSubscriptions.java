package io.digitaltowns.api.billing;

import io.digitaltowns.api.businesses.ListingDeletionListener;
import io.digitaltowns.events.businesses.BusinessDeleted;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A deleted business's Stripe subscriptions that are not over go into its {@code BusinessDeleted}:
 * the billing rows cascade with the business, and the consumers' {@code stripe-cleanup} group
 * cancels the subscriptions at Stripe. When Stripe then reports them deleted, the ledger finds no
 * business and stores the event as {@code no_business}.
 */
@Component
class RunningSubscriptions implements ListingDeletionListener {

  /** Stripe's statuses after which a subscription never charges again. */
  private static final List<String> OVER = List.of("canceled", "incomplete_expired");

  private final JdbcClient jdbc;

  RunningSubscriptions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void beforeDelete(UUID businessId, String traceId, BusinessDeleted.Builder deletion) {
    List<String> running =
        jdbc.sql(
                """
            SELECT subscription_id FROM billing_subscriptions
            WHERE business_id = :business AND (status IS NULL OR status NOT IN (:over))
            UNION
            SELECT subscription_id FROM business_billing
            WHERE business_id = :business AND subscription_id IS NOT NULL AND (status IS NULL OR status NOT IN (:over))
            ORDER BY 1
            """)
            .param("business", businessId)
            .param("over", OVER)
            .query(String.class)
            .list();
    deletion.setStripeSubscriptionIds(running);
  }
}
