package io.digitaltowns.api.billing.apply;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code businesses.featured} follows the business's current subscription (business_billing):
 * featured while it is active or trialing, and while it is past_due for less than {@code
 * digitaltowns.billing.past-due-grace} since Stripe made it past_due. Recomputed after every
 * applied event, and by {@link BillingSchedule} when a grace runs out.
 */
@Component
class FeaturedFlag {

  private final JdbcClient jdbc;
  private final BillingApplyProperties properties;
  private final Clock clock;

  FeaturedFlag(JdbcClient jdbc, BillingApplyProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Sets the business's flag from its stored subscription state. */
  @Transactional
  void refresh(UUID businessId) {
    jdbc.sql(
            """
            UPDATE businesses b SET featured = f.featured
            FROM (SELECT coalesce(bool_or(bb.status IN ('active', 'trialing')
                                          OR (bb.status = 'past_due' AND s.past_due_since > :cutoff)), false) AS featured
                  FROM business_billing bb
                  LEFT JOIN billing_subscriptions s ON s.subscription_id = bb.subscription_id
                  WHERE bb.business_id = :id) f
            WHERE b.id = :id AND b.featured IS DISTINCT FROM f.featured
            """)
        .param("id", businessId)
        .param("cutoff", cutoff())
        .update();
  }

  /**
   * Unfeatures the businesses whose subscription has been past_due for longer than the grace.
   *
   * @return how many
   */
  @Transactional
  int endExpiredGraces() {
    return jdbc.sql(
            """
            UPDATE businesses b SET featured = false
            FROM business_billing bb JOIN billing_subscriptions s ON s.subscription_id = bb.subscription_id
            WHERE b.id = bb.business_id AND b.featured AND bb.status = 'past_due'
              AND (s.past_due_since IS NULL OR s.past_due_since <= :cutoff)
            """)
        .param("cutoff", cutoff())
        .update();
  }

  private Timestamp cutoff() {
    return Timestamp.from(clock.instant().minus(properties.pastDueGrace()));
  }
}
