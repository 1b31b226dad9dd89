package io.digitaltowns.api.billing;

import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import io.digitaltowns.api.accounts.AccountContacts;
import io.digitaltowns.api.billing.BillableBusinesses.BillableBusiness;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** One Stripe customer per business, created on its first checkout and reused after. */
@Component
public class StripeCustomers {

  private final StripeApi stripe;
  private final BillingAccounts accounts;
  private final AccountContacts contacts;

  StripeCustomers(StripeApi stripe, BillingAccounts accounts, AccountContacts contacts) {
    this.stripe = stripe;
    this.accounts = accounts;
    this.contacts = contacts;
  }

  /** The business's customer, if it has one yet. */
  public Optional<String> of(BillableBusiness business) {
    return accounts.of(business.id()).map(BillingAccounts.BillingAccount::customerId);
  }

  /**
   * The business's customer, created if it has none. Two first checkouts at once send the same
   * idempotency key, so Stripe creates one customer; should it still create two, the first one
   * stored stays the business's.
   */
  public String ensure(BillableBusiness business) {
    Optional<String> existing = of(business);
    if (existing.isPresent()) {
      return existing.get();
    }
    String email = contacts.of(business.ownerId()).map(AccountContacts.Contact::email).orElse(null);
    CustomerCreateParams.Builder params =
        CustomerCreateParams.builder()
            .setName(business.name())
            .putMetadata("business_id", business.id().toString())
            .putMetadata("owner_id", business.ownerId().toString());
    if (email != null) {
      params.setEmail(email);
    }
    RequestOptions options =
        RequestOptions.builder()
            .setIdempotencyKey(
                IdempotencyKeys.of(
                    "customer",
                    business.id(),
                    email,
                    business.name(),
                    business.ownerId().toString()))
            .build();
    Customer customer;
    try {
      customer = stripe.client().v1().customers().create(params.build(), options);
    } catch (StripeException e) {
      throw stripe.failed("create customer", e);
    }
    return accounts.attachCustomer(business.id(), customer.getId());
  }
}
