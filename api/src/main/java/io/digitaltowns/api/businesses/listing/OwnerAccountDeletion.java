package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.accounts.AccountDeletionListener;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An account's listings go with it, each as a deletion of its own (a {@code BusinessDeleted} naming
 * its photos and subscriptions), not by a silent cascade of the user's row.
 */
@Component
class OwnerAccountDeletion implements AccountDeletionListener {

  private final BusinessListings listings;

  OwnerAccountDeletion(BusinessListings listings) {
    this.listings = listings;
  }

  @Override
  public List<UUID> beforeDelete(UUID userId, String traceId) {
    return listings.deleteAllOwnedBy(userId, traceId);
  }
}
