package io.digitaltowns.api.site.businesses;

import io.digitaltowns.api.businesses.contact.BusinessContact;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.site.layout.Browsing;
import io.digitaltowns.api.site.layout.FormErrors;
import io.digitaltowns.api.site.layout.PageMeta;
import io.digitaltowns.api.site.layout.SiteLinks;
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

/** A business's public page (what the mails' listing links open) and its contact form. */
@Controller
@Browsing
class BusinessPageController {

  /** What the API's contact endpoint accepts. */
  static final int MAX_MESSAGE = 4000;

  private final BusinessViews views;
  private final BusinessContact contact;
  private final AbuseLimits abuseLimits;
  private final SiteLinks links;

  BusinessPageController(
      BusinessViews views, BusinessContact contact, AbuseLimits abuseLimits, SiteLinks links) {
    this.views = views;
    this.contact = contact;
    this.abuseLimits = abuseLimits;
    this.links = links;
  }

  @GetMapping("/businesses/{id}")
  String business(
      @PathVariable UUID id,
      @RequestParam(required = false) String sent,
      Authentication authentication,
      Model model) {
    return page(
        model,
        Caller.of(authentication),
        id,
        ContactForm.empty(),
        FormErrors.none(),
        sent != null ? "Your message is on its way to the business. They answer by email." : null);
  }

  @PostMapping("/businesses/{id}/contact")
  String contact(
      @PathVariable UUID id,
      ContactForm form,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Caller sender = Caller.of(authentication);
    if (!sender.signedIn()) {
      return "redirect:/sign-in?next=/businesses/" + id;
    }
    BusinessView view = view(sender, id);
    if (view.contact() != BusinessView.Contact.ALLOWED) {
      response.setStatus(403);
      return page(
          model,
          sender,
          id,
          form,
          FormErrors.of("", "Confirm your email address before writing to businesses."),
          null);
    }
    String message = form.message() == null ? "" : form.message().strip();
    if (message.isEmpty() || message.length() > MAX_MESSAGE) {
      response.setStatus(400);
      return page(
          model,
          sender,
          id,
          form,
          FormErrors.of(
              "message",
              message.isEmpty()
                  ? "Write a message."
                  : "The message is too long (at most " + MAX_MESSAGE + " characters)."),
          null);
    }
    abuseLimits.check(
        LimitedAction.BUSINESS_CONTACT, ClientAddress.of(request), sender.userId().toString());
    contact.send(sender, id, message, TraceParent.traceId(request.getHeader("traceparent")));
    return "redirect:/businesses/" + id + "?sent=1#contact";
  }

  private String page(
      Model model, Caller caller, UUID id, ContactForm form, FormErrors errors, String notice) {
    BusinessView view = view(caller, id);
    Business business = view.business();
    String image = view.photos().isEmpty() ? null : view.photos().get(0).url();
    model.addAttribute("view", view);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("notice", notice);
    model.addAttribute(
        "meta",
        PageMeta.shared(
            business.name() + " in " + view.town().name(),
            view.summary(),
            links.absolute("/businesses/" + business.id()),
            image));
    return "businesses/business";
  }

  private BusinessView view(Caller caller, UUID id) {
    return views.of(caller, id);
  }
}
