package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.photos.BusinessPhotos;
import io.digitaltowns.api.businesses.photos.Photo;
import io.digitaltowns.api.businesses.photos.PhotoOrderRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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
 * A listing's photos: the page, and plain form posts that work without JavaScript to choose the
 * cover, move a photo up or down and delete one. Uploading goes from the browser straight to the
 * object store ({@link PhotoUploads}).
 */
@Controller
class PhotoPages {

  private final BusinessListings listings;
  private final BusinessPhotos photos;

  PhotoPages(BusinessListings listings, BusinessPhotos photos) {
    this.listings = listings;
    this.photos = photos;
  }

  @GetMapping("/my/businesses/{id}/photos")
  String page(Authentication authentication, @PathVariable UUID id, Model model) {
    Caller caller = Caller.of(authentication);
    model.addAttribute("listing", OwnedListing.of(listings.changeableBy(caller, id)));
    model.addAttribute("photos", photos.photosOf(caller, id));
    return "owner/photos";
  }

  @PostMapping("/my/businesses/{id}/photos/{photoId}/cover")
  String cover(
      Authentication authentication,
      @PathVariable UUID id,
      @PathVariable UUID photoId,
      RedirectAttributes redirect) {
    photos.makeCover(Caller.of(authentication), id, photoId);
    redirect.addFlashAttribute(ListingPages.NOTICE, "Cover photo chosen.");
    return back(id);
  }

  /**
   * Moves a photo one place earlier ({@code up}) or later ({@code down}); at either end it stays.
   */
  @PostMapping("/my/businesses/{id}/photos/{photoId}/move")
  String move(
      Authentication authentication,
      @PathVariable UUID id,
      @PathVariable UUID photoId,
      @RequestParam String direction,
      RedirectAttributes redirect) {
    Caller caller = Caller.of(authentication);
    List<UUID> order =
        new ArrayList<>(photos.photosOf(caller, id).stream().map(Photo::id).toList());
    int from = order.indexOf(photoId);
    int to = "up".equals(direction) ? from - 1 : "down".equals(direction) ? from + 1 : from;
    if (from >= 0 && to >= 0 && to < order.size() && to != from) {
      order.add(to, order.remove(from));
      photos.reorder(caller, id, new PhotoOrderRequest(order));
      redirect.addFlashAttribute(ListingPages.NOTICE, "Photo moved.");
    }
    return back(id);
  }

  @PostMapping("/my/businesses/{id}/photos/{photoId}/delete")
  String delete(
      Authentication authentication,
      @PathVariable UUID id,
      @PathVariable UUID photoId,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    photos.delete(Caller.of(authentication), id, photoId, ListingPages.traceId(request));
    redirect.addFlashAttribute(ListingPages.NOTICE, "Photo deleted.");
    return back(id);
  }

  private static String back(UUID id) {
    return "redirect:/my/businesses/" + id + "/photos";
  }
}
