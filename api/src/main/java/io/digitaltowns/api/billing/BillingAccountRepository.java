package io.digitaltowns.api.billing;

import io.digitaltowns.api.billing.BillingAccounts.BillingAccount;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The business's side of {@code business_billing}: read by id, and its customer kept once. Only a
 * {@code Repository} (no {@code save}): the subscription columns belong to the ledger's statements
 * ({@code billing/apply}), which a saved row would overwrite.
 */
interface BillingAccountRepository extends Repository<BillingAccount, UUID> {

  Optional<BillingAccount> findById(UUID businessId);

  /** Two first checkouts at once: the first customer stored stays the business's. */
  @Modifying
  @Query(
      """
      INSERT INTO business_billing (business_id, stripe_customer_id) VALUES (:businessId, :customerId)
      ON CONFLICT (business_id) DO NOTHING
      """)
  void keepCustomer(UUID businessId, String customerId);
}
