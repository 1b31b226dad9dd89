package io.digitaltowns.api.site.businesses;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.photos.Photo;
import io.digitaltowns.api.site.layout.CategoryNames;
import io.digitaltowns.api.towns.Town;
import java.net.URI;
import java.util.List;

/**
 * Everything the business page shows.
 *
 * @param contact what the contact form may do for this viewer
 * @param videoCall whether the video-call part shows: Cloudflare Calls is configured, the listing
 *     is published and the viewer is not its owner (what it offers follows {@code contact})
 */
public record BusinessView(
    Business business,
    Town town,
    List<Photo> photos,
    OpeningHours hours,
    String mapLink,
    Contact contact,
    boolean videoCall) {

  /** Who may write to the business: only signed-in residents whose address is confirmed. */
  public enum Contact {
    SIGN_IN_FIRST,
    CONFIRM_ADDRESS_FIRST,
    ALLOWED,
    NOT_PUBLISHED
  }

  public String category() {
    return CategoryNames.of(business.category());
  }

  public boolean published() {
    return business.status() == BusinessStatus.PUBLISHED;
  }

  /** The website as a link only when it is an http(s) address: never a javascript: or data: URL. */
  public String websiteLink() {
    String website = business.website();
    if (website == null || website.isBlank()) {
      return null;
    }
    try {
      String scheme = URI.create(website.strip()).getScheme();
      return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)
          ? website.strip()
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String phoneLink() {
    String phone = business.phone();
    return phone == null || phone.isBlank() ? null : "tel:" + phone.replaceAll("[^+0-9]", "");
  }

  /** One sentence for search results and link previews. */
  public String summary() {
    String description = business.description() == null ? "" : business.description().strip();
    String first =
        description.length() > 160 ? description.substring(0, 157).strip() + "…" : description;
    return first.isEmpty() ? category() + " in " + town.name() : first;
  }
}
