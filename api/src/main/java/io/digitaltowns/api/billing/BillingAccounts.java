package io.digitaltowns.api.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A business's side of Stripe (table {@code business_billing}): its customer, created once, and the state of its
 * subscription. The subscription columns are written only from verified Stripe events.
 */
@Component
public class BillingAccounts {

  /** Stripe subscription statuses in which the business has a subscription it must manage, not start again. */
  static final Set<String> LIVE_STATUSES = Set.of("trialing", "active", "past_due", "unpaid");

  private final JdbcClient jdbc;

  BillingAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param status Stripe's subscription status (incomplete, trialing, active, past_due, canceled, unpaid, ...), or
   *               null before the first subscription
   */
  public record BillingAccount(UUID businessId, String customerId, String subscriptionId, String status,
                               Instant currentPeriodEnd) {

    /** A subscription that is running (possibly behind on payment): start no second one. */
    public boolean subscriptionLive() {
      return status != null && LIVE_STATUSES.contains(status);
    }
  }

  public Optional<BillingAccount> of(UUID businessId) {
    return jdbc.sql("""
            SELECT business_id, stripe_customer_id, subscription_id, status, current_period_end
            FROM business_billing WHERE business_id = :businessId
            """)
        .param("businessId", businessId)
        .query((rs, n) -> {
          Timestamp periodEnd = rs.getTimestamp("current_period_end");
          return new BillingAccount(rs.getObject("business_id", UUID.class), rs.getString("stripe_customer_id"),
              rs.getString("subscription_id"), rs.getString("status"),
              periodEnd == null ? null : periodEnd.toInstant());
        })
        .optional();
  }

  /**
   * Keeps the customer as the business's, unless one is kept already (two first checkouts at once).
   *
   * @return the customer the business has now
   * @throws org.springframework.web.ErrorResponseException 404 when the business was deleted meanwhile
   */
  public String attachCustomer(UUID businessId, String customerId) {
    try {
      jdbc.sql("""
              INSERT INTO business_billing (business_id, stripe_customer_id) VALUES (:businessId, :customerId)
              ON CONFLICT (business_id) DO NOTHING
              """)
          .param("businessId", businessId).param("customerId", customerId)
          .update();
    } catch (DataIntegrityViolationException e) {
      throw BillableBusinesses.notFound();
    }
    return of(businessId).map(BillingAccount::customerId).orElseThrow(BillableBusinesses::notFound);
  }
}
