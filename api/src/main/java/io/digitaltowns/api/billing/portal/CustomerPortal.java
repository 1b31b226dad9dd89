package io.digitaltowns.api.billing.portal;

import com.stripe.exception.StripeException;
import com.stripe.model.billingportal.Session;
import com.stripe.param.billingportal.SessionCreateParams;
import io.digitaltowns.api.billing.BillableBusinesses;
import io.digitaltowns.api.billing.BillableBusinesses.BillableBusiness;
import io.digitaltowns.api.billing.BillingLink;
import io.digitaltowns.api.billing.PaymentProviderUnavailableException;
import io.digitaltowns.api.billing.StripeApi;
import io.digitaltowns.api.billing.StripeCustomers;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A link to Stripe's customer portal, where the owner changes the card, reads invoices or cancels.
 */
@Service
public class CustomerPortal {

  private final StripeApi stripe;
  private final BillableBusinesses businesses;
  private final StripeCustomers customers;

  CustomerPortal(StripeApi stripe, BillableBusinesses businesses, StripeCustomers customers) {
    this.stripe = stripe;
    this.businesses = businesses;
    this.customers = customers;
  }

  /**
   * @throws NoBillingAccountException (404) while the business has no Stripe customer
   */
  public BillingLink open(Authentication caller, UUID businessId) {
    stripe.requireEnabled();
    BillableBusiness business = businesses.changeableBy(caller, businessId);
    String customer =
        customers.of(business).orElseThrow(() -> new NoBillingAccountException(business.id()));
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setCustomer(customer)
            .setReturnUrl(
                stripe.properties().publicUrl("/my/businesses/" + business.id() + "/subscription"))
            .build();
    Session session;
    try {
      // a portal session is short-lived and creates nothing that costs: no idempotency key of our
      // own needed
      session = stripe.client().v1().billingPortal().sessions().create(params);
    } catch (StripeException e) {
      throw stripe.failed("create billing portal session", e);
    }
    if (session.getUrl() == null) {
      throw new PaymentProviderUnavailableException();
    }
    return new BillingLink(session.getUrl());
  }
}
