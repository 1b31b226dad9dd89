package io.digitaltowns.api.businesses;

import io.digitaltowns.events.businesses.BusinessDeleted;
import java.util.UUID;

/**
 * Lets the parts of the system that keep something for a listing (its photos, its billing) clean up
 * what they store outside the database when the listing is deleted, and put into the {@code
 * BusinessDeleted} event what the consumers' clean-up reactions need (photo keys, Stripe
 * subscriptions): the consumers never read the api's tables. Called in the deleting transaction,
 * before the listing's row goes (its own rows cascade with it).
 */
public interface ListingDeletionListener {

  void beforeDelete(UUID businessId, String traceId, BusinessDeleted.Builder deletion);
}
