package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.api.businesses.ListingDeletionListener;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessPhotoRemoved;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What goes with a removed photo: its event in the transaction, its object after the commit (an
 * orphan object is harmless, a photo pointing at nothing is not). Also removes every photo of a
 * listing that is being deleted; it depends on nothing of the listing, which depends on it.
 */
@Component
class PhotoRemovals implements ListingDeletionListener {

  private final PhotoStore store;
  private final PhotoStorage storage;
  private final OutboxWriter events;

  PhotoRemovals(PhotoStore store, PhotoStorage storage, OutboxWriter events) {
    this.store = store;
    this.storage = storage;
    this.events = events;
  }

  /**
   * The listing is being deleted in the caller's transaction: its rows cascade, its objects go
   * after the commit, once and best effort; the deletion event names every object so that the
   * consumers' photo-cleanup group deletes them until it is done.
   */
  @Override
  public void beforeDelete(UUID businessId, String traceId, BusinessDeleted.Builder deletion) {
    List<PhotoRow> rows = store.all(businessId);
    rows.stream()
        .filter(PhotoRow::attached)
        .forEach(row -> publishRemoved(businessId, row, traceId));
    List<String> keys = rows.stream().map(PhotoRow::objectKey).toList();
    deletion.setPhotoObjectKeys(keys);
    deleteObjectsAfterCommit(keys);
  }

  /** Writes the removal event of an attached photo whose row the caller deleted. */
  void publishRemoved(UUID businessId, PhotoRow row, String traceId) {
    events.publish(
        businessId,
        traceId,
        BusinessPhotoRemoved.newBuilder()
            .setPhotoId(row.id().toString())
            .setObjectKey(row.objectKey()));
  }

  /**
   * Deletes the objects once the current transaction has committed (at once without one); failures
   * are logged.
   */
  void deleteObjectsAfterCommit(List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      storage.deleteQuietly(keys);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            storage.deleteQuietly(keys);
          }
        });
  }
}
