package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.billing.BillableBusinesses;
import io.digitaltowns.api.billing.BillableBusinesses.BillableBusiness;
import io.digitaltowns.api.billing.BillingLink;
import io.digitaltowns.api.billing.BillingNotConfiguredException;
import io.digitaltowns.api.billing.PaymentProviderUnavailableException;
import io.digitaltowns.api.billing.SubscriptionSummaries;
import io.digitaltowns.api.billing.checkout.SubscriptionCheckout;
import io.digitaltowns.api.billing.portal.CustomerPortal;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A business's subscription, where the mails, Stripe Checkout and the customer portal send the
 * owner back to: its status as the api knows it (from Stripe's webhooks only), the next renewal and
 * the amount, Subscribe (the same Checkout as {@code POST
 * /api/businesses/{id}/subscription/checkout}) and Manage (Stripe's customer portal). Landing here
 * from Checkout changes nothing: only the webhook does; until it has, the status part of the page
 * asks again every few seconds (htmx) and says the payment is being confirmed.
 */
@Controller
class SubscriptionPage {

  private static final String UNAVAILABLE =
      "Stripe did not answer. Nothing was charged; please try again in a moment.";

  private final BillableBusinesses businesses;
  private final SubscriptionSummaries summaries;
  private final SubscriptionCheckout checkout;
  private final CustomerPortal portal;

  SubscriptionPage(
      BillableBusinesses businesses,
      SubscriptionSummaries summaries,
      SubscriptionCheckout checkout,
      CustomerPortal portal) {
    this.businesses = businesses;
    this.summaries = summaries;
    this.checkout = checkout;
    this.portal = portal;
  }

  @GetMapping("/my/businesses/{id}/subscription")
  String page(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestParam(name = "checkout", required = false) String landing,
      Model model) {
    status(authentication, id, landing, model);
    return "owner/subscription";
  }

  /** The status part of the page alone, which the page polls while a payment is being confirmed. */
  @GetMapping("/my/businesses/{id}/subscription/status")
  String status(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestParam(name = "checkout", required = false) String landing,
      Model model) {
    BillableBusiness business = businesses.changeableBy(authentication, id);
    model.addAttribute("business", business);
    SubscriptionView view =
        SubscriptionView.of(summaries.of(id).orElse(null), "success".equals(landing));
    model.addAttribute("subscription", view);
    model.addAttribute("landing", view.landingMessage(landing));
    return "owner/subscription-status";
  }

  @PostMapping("/my/businesses/{id}/subscription/checkout")
  String subscribe(
      Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
    try {
      BillingLink link = checkout.start(authentication, id, null);
      return "redirect:" + link.url();
    } catch (BillingNotConfiguredException e) {
      redirect.addFlashAttribute(
          ListingPages.NOTICE, "Subscriptions are not available on this site yet.");
    } catch (PaymentProviderUnavailableException e) {
      redirect.addFlashAttribute(ListingPages.NOTICE, UNAVAILABLE);
    } catch (ErrorResponseException e) {
      if (e.getStatusCode().value() != 409) {
        throw e;
      }
      redirect.addFlashAttribute(
          ListingPages.NOTICE, "This business has a running subscription already.");
    }
    return "redirect:/my/businesses/" + id + "/subscription";
  }

  @PostMapping("/my/businesses/{id}/subscription/portal")
  String manage(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
    businesses.changeableBy(authentication, id);
    try {
      return "redirect:" + portal.open(authentication, id).url();
    } catch (BillingNotConfiguredException e) {
      redirect.addFlashAttribute(
          ListingPages.NOTICE, "Subscriptions are not available on this site yet.");
    } catch (PaymentProviderUnavailableException e) {
      redirect.addFlashAttribute(ListingPages.NOTICE, UNAVAILABLE);
    } catch (ErrorResponseException e) {
      // the business is the caller's (checked above): a 404 here is its missing Stripe customer
      if (e.getStatusCode().value() != 404) {
        throw e;
      }
      redirect.addFlashAttribute(
          ListingPages.NOTICE, "This business has no subscription to manage yet.");
    }
    return "redirect:/my/businesses/" + id + "/subscription";
  }
}
