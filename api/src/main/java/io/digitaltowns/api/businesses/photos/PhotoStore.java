package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.api.businesses.photos.PhotoRow.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Reads and writes the business_photos rows, through {@link PhotoRepository}. */
@Component
class PhotoStore {

  private final PhotoRepository repository;

  PhotoStore(PhotoRepository repository) {
    this.repository = repository;
  }

  void insertPending(
      UUID id,
      UUID businessId,
      String objectKey,
      String contentType,
      long sizeBytes,
      Instant expiresAt) {
    repository.insert(
        PhotoRow.pending(id, businessId, objectKey, contentType, sizeBytes, expiresAt));
  }

  /** The photo, if it belongs to this listing. */
  Optional<PhotoRow> find(UUID businessId, UUID photoId) {
    return repository.findByIdAndBusinessId(photoId, businessId);
  }

  /** The attached photos of a listing, in their order. */
  List<PhotoRow> attached(UUID businessId) {
    return repository.findByBusinessIdAndStatusOrderByPosition(businessId, Status.ATTACHED);
  }

  /** Every row of a listing, pending uploads included. */
  List<PhotoRow> all(UUID businessId) {
    return repository.findByBusinessIdOrderByCreatedAt(businessId);
  }

  /** Pending uploads of a listing abandoned before this moment. */
  List<PhotoRow> abandoned(UUID businessId, Instant before) {
    return repository.findByBusinessIdAndStatusAndExpiresAtBefore(
        businessId, Status.PENDING, before);
  }

  long countAttached(UUID businessId) {
    return repository.countByBusinessIdAndStatus(businessId, Status.ATTACHED);
  }

  long countPending(UUID businessId) {
    return repository.countByBusinessIdAndStatus(businessId, Status.PENDING);
  }

  /**
   * Makes a pending upload the listing's last photo, now stored under its final key with its final
   * size.
   */
  void attach(UUID photoId, int position, boolean cover, String objectKey, long sizeBytes) {
    repository
        .findById(photoId)
        .ifPresent(
            pending ->
                repository.save(
                    pending.attachedAs(position, cover, objectKey, sizeBytes, Instant.now())));
  }

  void delete(UUID photoId) {
    repository.deleteById(photoId);
  }

  /**
   * Gives the attached photos the positions 0, 1, 2, ... in this order (the position constraint is
   * deferred).
   */
  void reorder(List<UUID> photoIds) {
    for (int position = 0; position < photoIds.size(); position++) {
      repository.placeAt(photoIds.get(position), position);
    }
  }

  /** Makes this attached photo the listing's one cover. */
  void setCover(UUID businessId, UUID photoId) {
    // two statements: the one-cover index is checked row by row
    repository.uncoverAllBut(businessId, photoId);
    repository.cover(photoId);
  }
}
