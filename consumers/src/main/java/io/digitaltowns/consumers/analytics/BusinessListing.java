package io.digitaltowns.consumers.analytics;

/**
 * One business as the listing figures see it: where it counts (town, category), its status and
 * whether its subscription is paid. Status and payment each keep the time of the event that set
 * them, so an event older than what is known (late, or replayed out of order) changes nothing. A
 * deleted listing stays deleted.
 */
record BusinessListing(
    String townId, String category, String status, long statusAt, boolean paid, long paidAt) {

  static final BusinessListing UNKNOWN =
      new BusinessListing(null, null, null, Long.MIN_VALUE, false, Long.MIN_VALUE);

  BusinessListing apply(ListingChange change) {
    BusinessListing next = this;
    if (change.status() != null
        && !ListingChange.DELETED.equals(status)
        && change.occurredAt() >= statusAt) {
      next =
          new BusinessListing(
              change.townId() != null ? change.townId() : townId,
              change.category() != null ? change.category() : category,
              change.status(),
              change.occurredAt(),
              paid,
              paidAt);
    } else if (change.status() != null && townId == null) {
      // a late event still tells where a business is that nothing else placed yet
      next =
          new BusinessListing(change.townId(), change.category(), status, statusAt, paid, paidAt);
    }
    if (change.paid() != null && change.occurredAt() >= paidAt) {
      next =
          new BusinessListing(
              next.townId,
              next.category,
              next.status,
              next.statusAt,
              change.paid(),
              change.occurredAt());
    }
    return next;
  }

  /** Whether the business adds anything to the figures of its town and category. */
  boolean counts() {
    return townId != null && category != null && (published() || inReview());
  }

  boolean published() {
    return "PUBLISHED".equals(status);
  }

  boolean inReview() {
    return "IN_REVIEW".equals(status);
  }

  boolean featured() {
    return published() && paid;
  }
}
