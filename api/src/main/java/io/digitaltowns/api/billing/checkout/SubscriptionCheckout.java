package io.digitaltowns.api.billing.checkout;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import io.digitaltowns.api.billing.BillableBusinesses;
import io.digitaltowns.api.billing.BillableBusinesses.BillableBusiness;
import io.digitaltowns.api.billing.BillingAccounts;
import io.digitaltowns.api.billing.BillingLink;
import io.digitaltowns.api.billing.IdempotencyKeys;
import io.digitaltowns.api.billing.PaymentProviderUnavailableException;
import io.digitaltowns.api.billing.StripeApi;
import io.digitaltowns.api.billing.StripeCustomers;
import io.digitaltowns.api.billing.StripeProperties;
import io.digitaltowns.api.web.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Starts a subscription: the business's Stripe customer (created once), then a Checkout Session in
 * subscription mode for the configured price. Nothing is stored about the session: what the owner
 * pays becomes known only from Stripe's signed webhook events.
 */
@Service
public class SubscriptionCheckout {

  /**
   * What a client may send as Idempotency-Key: printable ASCII, no spaces, as Stripe's own keys.
   */
  private static final Pattern CLIENT_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private final StripeApi stripe;
  private final BillableBusinesses businesses;
  private final BillingAccounts accounts;
  private final StripeCustomers customers;
  private final Clock clock;

  SubscriptionCheckout(
      StripeApi stripe,
      BillableBusinesses businesses,
      BillingAccounts accounts,
      StripeCustomers customers,
      Clock clock) {
    this.stripe = stripe;
    this.businesses = businesses;
    this.accounts = accounts;
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * @param clientKey the client's Idempotency-Key header, if it sent one: the same key gives the
   *     same session. Without one, requests within the checkout window do.
   */
  public BillingLink start(Authentication caller, UUID businessId, String clientKey) {
    stripe.requireEnabled();
    if (clientKey != null && !CLIENT_KEY.matcher(clientKey).matches()) {
      throw invalidClientKey();
    }
    BillableBusiness business = businesses.changeableBy(caller, businessId);
    accounts
        .of(business.id())
        .filter(BillingAccounts.BillingAccount::subscriptionLive)
        .ifPresent(
            account -> {
              throw new SubscriptionAlreadyActiveException(business.id(), account.status());
            });
    String customer = customers.ensure(business);

    StripeProperties properties = stripe.properties();
    String page = "/my/businesses/" + business.id() + "/subscription";
    String successUrl =
        properties.publicUrl(page + "?checkout=success&session_id={CHECKOUT_SESSION_ID}");
    String cancelUrl = properties.publicUrl(page + "?checkout=canceled");
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
            .setCustomer(customer)
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setPrice(properties.priceId())
                    .setQuantity(1L)
                    .build())
            .setClientReferenceId(business.id().toString())
            .putMetadata("business_id", business.id().toString())
            // the subscription itself names its business, so every later subscription event can be
            // tied back to it
            .setSubscriptionData(
                SessionCreateParams.SubscriptionData.builder()
                    .putMetadata("business_id", business.id().toString())
                    .build())
            .setSuccessUrl(successUrl)
            .setCancelUrl(cancelUrl)
            .build();
    String discriminator =
        clientKey != null
            ? "client:" + clientKey
            : "window:" + clock.millis() / Math.max(1, properties.checkoutWindow().toMillis());
    RequestOptions options =
        RequestOptions.builder()
            .setIdempotencyKey(
                IdempotencyKeys.of(
                    "checkout",
                    business.id(),
                    discriminator,
                    customer,
                    properties.priceId(),
                    successUrl,
                    cancelUrl))
            .build();
    Session session;
    try {
      session = stripe.client().v1().checkout().sessions().create(params, options);
    } catch (StripeException e) {
      throw stripe.failed("create checkout session", e);
    }
    if (session.getUrl() == null) {
      throw new PaymentProviderUnavailableException();
    }
    return new BillingLink(session.getUrl());
  }

  private static ErrorResponseException invalidClientKey() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The Idempotency-Key header must be 1 to 200 printable ASCII characters without spaces.");
    problem.setTitle("Invalid input");
    problem.setProperty(
        "errors",
        List.of(
            new FieldProblem(
                "Idempotency-Key",
                "must be 1 to 200 printable ASCII " + "characters without spaces")));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }
}
