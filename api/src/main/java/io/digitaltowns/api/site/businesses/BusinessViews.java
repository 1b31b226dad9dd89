package io.digitaltowns.api.site.businesses;

import io.digitaltowns.api.accounts.profile.Profile;
import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.calls.BusinessCalls;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.photos.BusinessPhotos;
import io.digitaltowns.api.businesses.photos.Photo;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.Towns;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A listing as the business page shows it (cover photo first, hours in the town's time zone, map
 * link): for residents on the business page and for admins on the review page, which shows a
 * listing as residents would see it.
 */
@Component
public class BusinessViews {

  private final BusinessListings listings;
  private final BusinessPhotos photos;
  private final Towns towns;
  private final Profile profile;
  private final BusinessCalls calls;
  private final Clock clock;

  BusinessViews(
      BusinessListings listings,
      BusinessPhotos photos,
      Towns towns,
      Profile profile,
      BusinessCalls calls,
      Clock clock) {
    this.calls = calls;
    this.listings = listings;
    this.photos = photos;
    this.towns = towns;
    this.profile = profile;
    this.clock = clock;
  }

  /**
   * @throws io.digitaltowns.api.businesses.listing.BusinessNotFoundException when the caller may
   *     not see it
   */
  public BusinessView of(Caller caller, UUID id) {
    Business business = listings.visibleTo(caller, id);
    Town town = towns.byId(business.townId()).orElseThrow();
    List<Photo> gallery =
        photos.photosOf(caller, id).stream()
            .sorted(Comparator.comparing((Photo p) -> !p.cover()).thenComparing(Photo::position))
            .toList();
    OpeningHours hours =
        new OpeningHours(business.openingHours(), ZonedDateTime.now(clock.withZone(town.zone())));
    BusinessView.Contact contact = contact(caller, business);
    // the owner does not call their own business; a listing not yet public takes no calls
    boolean videoCall =
        calls.enabled()
            && contact != BusinessView.Contact.NOT_PUBLISHED
            && !business.ownerId().equals(caller.userId());
    return new BusinessView(
        business,
        town,
        gallery,
        hours,
        MapLink.of(business.location(), business.address()),
        contact,
        videoCall);
  }

  private BusinessView.Contact contact(Caller caller, Business business) {
    if (business.status() != BusinessStatus.PUBLISHED) {
      return BusinessView.Contact.NOT_PUBLISHED;
    }
    if (!caller.signedIn()) {
      return BusinessView.Contact.SIGN_IN_FIRST;
    }
    return profile.show(caller.userId()).emailVerified()
        ? BusinessView.Contact.ALLOWED
        : BusinessView.Contact.CONFIRM_ADDRESS_FIRST;
  }
}
