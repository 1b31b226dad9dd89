package io.digitaltowns.api.site.calls;

import io.digitaltowns.api.businesses.calls.BusinessCalls;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.ratelimit.AbuseLimits;
import io.digitaltowns.api.ratelimit.ClientAddress;
import io.digitaltowns.api.ratelimit.LimitedAction;
import io.digitaltowns.api.site.layout.PageMeta;
import io.digitaltowns.api.site.layout.SiteLinks;
import io.digitaltowns.api.web.TraceParent;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A resident asks a business for a video call (the button on the business page), and the room page
 * both sides open: the resident lands there at once, the owner through the link in the mail the
 * request sends.
 */
@Controller
class CallPages {

  private final BusinessCalls calls;
  private final AbuseLimits abuseLimits;
  private final SiteLinks links;

  CallPages(BusinessCalls calls, AbuseLimits abuseLimits, SiteLinks links) {
    this.calls = calls;
    this.abuseLimits = abuseLimits;
    this.links = links;
  }

  @PostMapping("/businesses/{id}/call")
  String ask(@PathVariable UUID id, Authentication authentication, HttpServletRequest request) {
    Caller resident = Caller.of(authentication);
    if (!resident.signedIn()) {
      return "redirect:/sign-in?next=/businesses/" + id;
    }
    // the request mails the owner, like a contact message: the same limit
    abuseLimits.check(
        LimitedAction.BUSINESS_CONTACT, ClientAddress.of(request), resident.userId().toString());
    // an unconfirmed address is refused by the service (403 page); the business page offers such a
    // resident no button
    UUID callId =
        calls.ask(
            resident,
            id,
            room ->
                "I would like a live video call with you. Open the call room "
                    + "(signed in as the owner of this listing) to join me: "
                    + links.absolute(CallRoomPath.of(room)),
            TraceParent.traceId(request.getHeader("traceparent")));
    return "redirect:" + CallRoomPath.of(callId);
  }

  @GetMapping("/my/calls/{callId}")
  String room(@PathVariable UUID callId, Authentication authentication, Model model) {
    BusinessCalls.Room room = calls.room(Caller.of(authentication), callId);
    model.addAttribute("room", room);
    model.addAttribute("meta", PageMeta.titled("Video call with " + room.businessName()));
    return "calls/room";
  }
}
