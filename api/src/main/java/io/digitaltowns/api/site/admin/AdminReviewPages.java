package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.review.BusinessReview;
import io.digitaltowns.api.site.layout.CategoryNames;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page the "listing submitted" mail sends admins to ({@code /admin/businesses/{id}}): the listing as submitted,
 * with approve and reject (with a reason). The same review service as /api/admin/businesses/{id}/approve|reject;
 * the site's security lets only admins reach /admin/**.
 */
@Controller
class AdminReviewPages {

  static final int MAX_REASON = 1000;

  private final BusinessListings listings;
  private final BusinessReview review;
  private final Towns towns;

  AdminReviewPages(BusinessListings listings, BusinessReview review, Towns towns) {
    this.listings = listings;
    this.review = review;
    this.towns = towns;
  }

  @GetMapping("/admin/businesses/{id}")
  String listing(@PathVariable UUID id, @RequestParam(required = false) String notice, Authentication authentication,
                 Model model) {
    return page(model, Caller.of(authentication), id, FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/admin/businesses/{id}/approve")
  String approve(@PathVariable UUID id, Authentication authentication, HttpServletRequest request) {
    review.approve(Caller.of(authentication), id, TraceParent.traceId(request.getHeader("traceparent")));
    return Notice.LISTING_APPROVED.on("/admin/businesses/" + id);
  }

  @PostMapping("/admin/businesses/{id}/reject")
  String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication authentication,
                HttpServletRequest request, HttpServletResponse response, Model model) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      response.setStatus(400);
      return page(model, Caller.of(authentication), id, FormErrors.of("reason", why.isEmpty()
          ? "Say why, so the owner can fix it." : "At most " + MAX_REASON + " characters."), null);
    }
    review.reject(Caller.of(authentication), id, why, TraceParent.traceId(request.getHeader("traceparent")));
    return Notice.LISTING_REJECTED.on("/admin/businesses/" + id);
  }

  private String page(Model model, Caller admin, UUID id, FormErrors errors, String notice) {
    Business business = listings.visibleTo(admin, id);
    model.addAttribute("business", business);
    model.addAttribute("town", towns.byId(business.townId()).orElseThrow());
    model.addAttribute("category", CategoryNames.of(business.category()));
    model.addAttribute("inReview", business.status() == BusinessStatus.IN_REVIEW);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "admin/review";
  }
}
