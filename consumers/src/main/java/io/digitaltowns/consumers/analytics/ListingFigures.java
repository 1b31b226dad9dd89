package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.analytics.Listings;
import io.digitaltowns.events.analytics.ListingsKey;
import org.apache.kafka.streams.KeyValue;

/**
 * What one business contributes to the listings of its town and category. The table of businesses
 * sends the old contribution back (subtract) and the new one (add) whenever a business changes,
 * moves or is deleted.
 */
final class ListingFigures {

  private ListingFigures() {}

  static KeyValue<ListingsKey, Listings> of(BusinessListing listing) {
    return KeyValue.pair(
        new ListingsKey(listing.townId(), listing.category()),
        new Listings(
            listing.townId(),
            listing.category(),
            listing.published() ? 1L : 0L,
            listing.inReview() ? 1L : 0L,
            listing.featured() ? 1L : 0L));
  }

  static Listings add(Listings a, Listings b) {
    return new Listings(
        a.getTownId(),
        a.getCategory(),
        a.getPublished() + b.getPublished(),
        a.getPendingReview() + b.getPendingReview(),
        a.getFeatured() + b.getFeatured());
  }

  static Listings subtract(Listings a, Listings b) {
    return new Listings(
        a.getTownId(),
        a.getCategory(),
        a.getPublished() - b.getPublished(),
        a.getPendingReview() - b.getPendingReview(),
        a.getFeatured() - b.getFeatured());
  }
}
