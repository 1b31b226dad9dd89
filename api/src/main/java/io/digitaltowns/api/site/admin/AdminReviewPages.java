package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.review.BusinessReview;
import io.digitaltowns.api.businesses.review.ReviewQueue;
import io.digitaltowns.api.site.businesses.BusinessView;
import io.digitaltowns.api.site.businesses.BusinessViews;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.Notice;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue ({@code /admin/businesses}) and the page the "listing submitted" mail sends
 * admins to ({@code /admin/businesses/{id}}): the listing as residents would see it, with approve
 * and reject (with a reason the owner gets by mail). The same services as /api/admin/businesses/**;
 * the site's security lets only admins reach /admin/**.
 */
@Controller
class AdminReviewPages {

  static final int MAX_REASON = 1000;

  private final ReviewQueue queue;
  private final BusinessViews views;
  private final BusinessReview review;
  private final Towns towns;

  AdminReviewPages(ReviewQueue queue, BusinessViews views, BusinessReview review, Towns towns) {
    this.queue = queue;
    this.views = views;
    this.review = review;
    this.towns = towns;
  }

  @GetMapping("/admin/businesses")
  String queue(Model model) {
    Map<UUID, Town> byId =
        towns.all().stream().collect(Collectors.toMap(Town::id, Function.identity()));
    model.addAttribute(
        "queue",
        queue.waiting().stream()
            .map(listing -> new QueuedForReview(listing, byId.get(listing.townId())))
            .toList());
    model.addAttribute("limit", ReviewQueue.LIMIT);
    return "admin/review-queue";
  }

  @GetMapping("/admin/businesses/{id}")
  String listing(
      @PathVariable UUID id,
      @RequestParam(required = false) String notice,
      Authentication authentication,
      Model model) {
    return page(
        model, Caller.of(authentication), id, "", FormErrors.none(), Notice.messageFor(notice));
  }

  @PostMapping("/admin/businesses/{id}/approve")
  String approve(@PathVariable UUID id, Authentication authentication, HttpServletRequest request) {
    review.approve(
        Caller.of(authentication), id, TraceParent.traceId(request.getHeader("traceparent")));
    return Notice.LISTING_APPROVED.on("/admin/businesses/" + id);
  }

  @PostMapping("/admin/businesses/{id}/reject")
  String reject(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      response.setStatus(400);
      return page(
          model,
          Caller.of(authentication),
          id,
          why,
          FormErrors.of(
              "reason",
              why.isEmpty()
                  ? "Say why, so the owner can fix it."
                  : "At most " + MAX_REASON + " characters."),
          null);
    }
    review.reject(
        Caller.of(authentication), id, why, TraceParent.traceId(request.getHeader("traceparent")));
    return Notice.LISTING_REJECTED.on("/admin/businesses/" + id);
  }

  private String page(
      Model model, Caller admin, UUID id, String reason, FormErrors errors, String notice) {
    BusinessView view = views.of(admin, id);
    model.addAttribute("view", view);
    model.addAttribute("inReview", view.business().status() == BusinessStatus.IN_REVIEW);
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    return "admin/review";
  }
}
