package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.listing.Business;

/**
 * A listing as its owner's pages show it: the listing, how its status reads, and what may be done
 * with it now.
 */
public record OwnedListing(
    Business business,
    ListingStatusLabel status,
    boolean maySubmit,
    boolean mayUnpublish,
    boolean published) {

  static OwnedListing of(Business business) {
    return new OwnedListing(
        business,
        ListingStatusLabel.of(business),
        ListingStatusLabel.maySubmit(business),
        ListingStatusLabel.mayUnpublish(business),
        ListingStatusLabel.mayUnpublish(business));
  }

  public String path() {
    return "/my/businesses/" + business.id();
  }

  /** The residents' page of the listing while it is published, else null. */
  public String publicPath() {
    return published ? "/businesses/" + business.id() : null;
  }
}
