package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.billing.BillableBusinesses;
import io.digitaltowns.api.billing.BillableBusinesses.BillableBusiness;
import io.digitaltowns.api.billing.BillingAccounts;
import io.digitaltowns.api.billing.BillingLink;
import io.digitaltowns.api.billing.BillingNotConfiguredException;
import io.digitaltowns.api.billing.checkout.SubscriptionCheckout;
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
 * A business's subscription, where the mails and Stripe Checkout send the owner back to: its status as the api
 * knows it (from Stripe's webhooks only) and a Subscribe button that starts the same Checkout as
 * {@code POST /api/businesses/{id}/subscription/checkout}. Landing here from Checkout changes nothing: only the
 * webhook does.
 */
@Controller
class SubscriptionPage {

  private final BillableBusinesses businesses;
  private final BillingAccounts accounts;
  private final SubscriptionCheckout checkout;

  SubscriptionPage(BillableBusinesses businesses, BillingAccounts accounts, SubscriptionCheckout checkout) {
    this.businesses = businesses;
    this.accounts = accounts;
    this.checkout = checkout;
  }

  @GetMapping("/my/businesses/{id}/subscription")
  String page(Authentication authentication, @PathVariable UUID id,
              @RequestParam(name = "checkout", required = false) String landing, Model model) {
    BillableBusiness business = businesses.changeableBy(authentication, id);
    model.addAttribute("business", business);
    model.addAttribute("subscription", SubscriptionView.of(accounts.of(id).orElse(null)));
    model.addAttribute("landing", SubscriptionView.landingMessage(landing));
    return "owner/subscription";
  }

  @PostMapping("/my/businesses/{id}/subscription/checkout")
  String subscribe(Authentication authentication, @PathVariable UUID id, RedirectAttributes redirect) {
    try {
      BillingLink link = checkout.start(authentication, id, null);
      return "redirect:" + link.url();
    } catch (BillingNotConfiguredException e) {
      redirect.addFlashAttribute(ListingPages.NOTICE, "Subscriptions are not available on this site yet.");
    } catch (ErrorResponseException e) {
      if (e.getStatusCode().value() != 409) {
        throw e;
      }
      redirect.addFlashAttribute(ListingPages.NOTICE, "This business has a running subscription already.");
    }
    return "redirect:/my/businesses/" + id + "/subscription";
  }
}
