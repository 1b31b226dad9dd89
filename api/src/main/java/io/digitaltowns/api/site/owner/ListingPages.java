package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.listing.StatusConflictException;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An owner's listings: the list with each one's status, create, edit, submit for review, unpublish.
 * The same {@link BusinessListings} service as {@code /api/businesses} and {@code
 * /api/my/businesses}, in process.
 */
@Controller
class ListingPages {

  static final String NOTICE = "notice";

  private final BusinessListings listings;
  private final Towns towns;
  private final Validator validator;

  ListingPages(BusinessListings listings, Towns towns, Validator validator) {
    this.listings = listings;
    this.towns = towns;
    this.validator = validator;
  }

  @GetMapping("/my/businesses")
  String mine(Authentication authentication, Model model) {
    model.addAttribute(
        "listings",
        listings.ownedBy(Caller.of(authentication)).stream().map(OwnedListing::of).toList());
    return "owner/my-businesses";
  }

  @GetMapping("/my/businesses/new")
  String newListing(Model model) {
    List<Town> all = towns.all();
    return form(
        model,
        null,
        ListingForm.empty(all.size() == 1 ? all.get(0).id() : null),
        FormErrors.none());
  }

  @PostMapping("/my/businesses")
  String create(
      Authentication authentication,
      @RequestParam Map<String, String> fields,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    ListingForm form = ListingForm.fromForm(fields);
    ListingForm.Checked checked = form.check(validator);
    if (checked.errors().any()) {
      response.setStatus(400);
      return form(model, null, form, checked.errors());
    }
    Business created =
        listings.create(Caller.of(authentication), checked.request(), traceId(request));
    redirect.addFlashAttribute(
        NOTICE, "Your listing is saved as a draft. Add photos, then submit it for review.");
    return "redirect:/my/businesses/" + created.id();
  }

  @GetMapping("/my/businesses/{id}")
  String edit(Authentication authentication, @PathVariable UUID id, Model model) {
    Business business = listings.changeableBy(Caller.of(authentication), id);
    return form(model, business, ListingForm.of(business), FormErrors.none());
  }

  @PostMapping("/my/businesses/{id}")
  String update(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestParam Map<String, String> fields,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    Business before = listings.changeableBy(caller, id);
    ListingForm form = ListingForm.fromForm(fields);
    ListingForm.Checked checked = form.check(validator);
    if (checked.errors().any()) {
      response.setStatus(400);
      return form(model, before, form, checked.errors());
    }
    Business after = listings.update(caller, id, checked.request(), traceId(request));
    redirect.addFlashAttribute(
        NOTICE,
        after.status() != before.status()
            ? "Saved. A change to anything but the opening hours goes back to review before it is public."
            : "Saved.");
    return "redirect:/my/businesses/" + id;
  }

  @PostMapping("/my/businesses/{id}/submit")
  String submit(
      Authentication authentication,
      @PathVariable UUID id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      listings.submit(Caller.of(authentication), id, traceId(request));
      redirect.addFlashAttribute(
          NOTICE, "Submitted for review. You will get a mail when an admin has looked at it.");
    } catch (StatusConflictException e) {
      redirect.addFlashAttribute(
          NOTICE, "This listing cannot be submitted now: it is in review or published already.");
    }
    return "redirect:/my/businesses/" + id;
  }

  @PostMapping("/my/businesses/{id}/unpublish")
  String unpublish(
      Authentication authentication,
      @PathVariable UUID id,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      listings.unpublish(Caller.of(authentication), id, traceId(request));
      redirect.addFlashAttribute(
          NOTICE,
          "Unpublished: the listing is off the public pages. Submit it to publish it again.");
    } catch (StatusConflictException e) {
      redirect.addFlashAttribute(NOTICE, "Only a published listing can be unpublished.");
    }
    return "redirect:/my/businesses/" + id;
  }

  private String form(Model model, Business business, ListingForm form, FormErrors errors) {
    model.addAttribute("listing", business == null ? null : OwnedListing.of(business));
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("towns", towns.all());
    model.addAttribute("categories", Arrays.asList(Category.values()));
    return "owner/listing-form";
  }

  static String traceId(HttpServletRequest request) {
    return TraceParent.traceId(request.getHeader("traceparent"));
  }
}
