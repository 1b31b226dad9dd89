package io.digitaltowns.api.billing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.stereotype.Component;

/**
 * A business's side of Stripe (table {@code business_billing}): its customer, created once, and the
 * state of its subscription. The subscription columns are written only from verified Stripe events.
 */
@Component
public class BillingAccounts {

  /**
   * Stripe subscription statuses in which the business has a subscription it must manage, not start
   * again.
   */
  static final Set<String> LIVE_STATUSES = Set.of("trialing", "active", "past_due", "unpaid");

  private final BillingAccountRepository repository;

  BillingAccounts(BillingAccountRepository repository) {
    this.repository = repository;
  }

  /**
   * @param status Stripe's subscription status (incomplete, trialing, active, past_due, canceled,
   *     unpaid, ...), or null before the first subscription
   */
  @Table("business_billing")
  public record BillingAccount(
      @Id UUID businessId,
      @Column("stripe_customer_id") String customerId,
      String subscriptionId,
      String status,
      Instant currentPeriodEnd) {

    /** A subscription that is running (possibly behind on payment): start no second one. */
    public boolean subscriptionLive() {
      return status != null && LIVE_STATUSES.contains(status);
    }
  }

  public Optional<BillingAccount> of(UUID businessId) {
    return repository.findById(businessId);
  }

  /**
   * Keeps the customer as the business's, unless one is kept already (two first checkouts at once).
   *
   * @return the customer the business has now
   * @throws org.springframework.web.ErrorResponseException 404 when the business was deleted
   *     meanwhile
   */
  public String attachCustomer(UUID businessId, String customerId) {
    try {
      repository.keepCustomer(businessId, customerId);
    } catch (DataIntegrityViolationException e) {
      throw BillableBusinesses.notFound();
    }
    return of(businessId).map(BillingAccount::customerId).orElseThrow(BillableBusinesses::notFound);
  }
}
