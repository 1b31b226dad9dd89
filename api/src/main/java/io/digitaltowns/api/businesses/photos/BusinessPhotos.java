package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.api.web.FieldProblem;
import io.digitaltowns.events.businesses.BusinessPhotoAdded;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Photos of a listing. The client uploads the bytes straight to the object store with a presigned
 * URL; the confirmation reads what was stored, decodes it whole and writes its pixels anew (no
 * metadata) to a final key that no upload URL is signed for, then attaches the photo, writes its
 * event and deletes the upload. A confirmed photo therefore never changes, whatever is later PUT to
 * its upload URL. Only the owner of the listing or an admin changes its photos; everyone who may
 * see the listing sees them.
 */
@Service
public class BusinessPhotos {

  private static final Logger log = LoggerFactory.getLogger(BusinessPhotos.class);

  /** a pending upload is forgotten (row and any object) this long after its upload URL expired */
  private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private final BusinessListings listings;
  private final PhotoStore store;
  private final PhotoStorage storage;
  private final OutboxWriter events;
  private final PhotoRemovals removals;
  private final PhotoReencoder reencoder;
  private final StorageProperties properties;
  private final Clock clock;
  private final TransactionTemplate transaction;

  BusinessPhotos(
      BusinessListings listings,
      PhotoStore store,
      PhotoStorage storage,
      OutboxWriter events,
      PhotoRemovals removals,
      PhotoReencoder reencoder,
      StorageProperties properties,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.listings = listings;
    this.store = store;
    this.storage = storage;
    this.events = events;
    this.removals = removals;
    this.reencoder = reencoder;
    this.properties = properties;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Step 1: a pending photo and the presigned PUT its file goes to. */
  public PhotoUploadTicket requestUpload(
      Caller caller, UUID businessId, PhotoUploadRequest request) {
    storage.ensureBucketBeforeUpload();
    return transaction.execute(
        status -> {
          listings.changeableBy(caller, businessId);
          ImageType type = validate(request);
          forgetAbandonedUploads(businessId);
          if (store.countAttached(businessId) >= properties.maxPhotosPerBusiness()) {
            throw PhotoProblems.tooManyPhotos(properties.maxPhotosPerBusiness());
          }
          // unconfirmed uploads are rows too: bound them, generously (some may fail and be retried)
          if (store.countPending(businessId) >= 2L * properties.maxPhotosPerBusiness()) {
            throw PhotoProblems.tooManyUnfinishedUploads(2 * properties.maxPhotosPerBusiness());
          }
          UUID photoId = UUID.randomUUID();
          // uploads and photos live under separate prefixes: a public asset host need only serve
          // photos/
          String objectKey = "uploads/" + businessId + "/" + photoId + "." + type.extension();
          PhotoStorage.PresignedUpload upload =
              storage.presignUpload(objectKey, type.mediaType(), request.sizeBytes());
          store.insertPending(
              photoId,
              businessId,
              objectKey,
              type.mediaType(),
              request.sizeBytes(),
              upload.expiresAt());
          return new PhotoUploadTicket(
              photoId, upload.url(), "PUT", upload.headers(), upload.expiresAt());
        });
  }

  /**
   * Step 3: checks the uploaded object, stores its re-encoded pixels as the photo and attaches it
   * as the listing's last photo (the first one becomes the cover). An upload that is not what was
   * declared is deleted, with its pending photo. Confirming an attached photo again answers it
   * unchanged.
   */
  public Photo confirm(Caller caller, UUID businessId, UUID photoId, String traceId) {
    PhotoRow pending =
        transaction.execute(
            status -> {
              listings.changeableBy(caller, businessId);
              return store.find(businessId, photoId).orElseThrow(PhotoProblems::photoNotFound);
            });
    if (pending.attached()) {
      return view(pending);
    }
    PhotoReencoder.CleanPhoto photo = cleanUpload(pending);
    // a key of its own per confirmation: two confirmations racing never share (nor delete) each
    // other's object
    String photoKey =
        "photos/"
            + businessId
            + "/"
            + photoId
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "."
            + photo.type().extension();
    storageCall(
        () -> {
          storage.putPhoto(photoKey, photo.type(), photo.bytes());
          return null;
        });
    Optional<PhotoRow> attached;
    try {
      attached =
          transaction.execute(
              status -> attach(caller, businessId, photoId, photoKey, photo, traceId));
    } catch (RuntimeException e) {
      storage.deleteQuietly(List.of(photoKey));
      throw e;
    }
    if (attached.isEmpty()) {
      // other uploads were confirmed first and filled the listing up
      discard(pending);
      storage.deleteQuietly(List.of(photoKey));
      throw PhotoProblems.tooManyPhotos(properties.maxPhotosPerBusiness());
    }
    if (!attached.get().objectKey().equals(photoKey)) {
      // a concurrent confirmation attached it first: ours is a spare copy
      storage.deleteQuietly(List.of(photoKey));
    }
    return view(attached.get());
  }

  private Optional<PhotoRow> attach(
      Caller caller,
      UUID businessId,
      UUID photoId,
      String photoKey,
      PhotoReencoder.CleanPhoto photo,
      String traceId) {
    listings.changeableBy(caller, businessId);
    PhotoRow row = store.find(businessId, photoId).orElseThrow(PhotoProblems::photoNotFound);
    if (row.attached()) {
      return Optional.of(row);
    }
    List<PhotoRow> photos = store.attached(businessId);
    if (photos.size() >= properties.maxPhotosPerBusiness()) {
      return Optional.empty();
    }
    boolean cover = photos.stream().noneMatch(PhotoRow::cover);
    store.attach(photoId, photos.size(), cover, photoKey, photo.bytes().length);
    events.publish(
        businessId,
        traceId,
        BusinessPhotoAdded.newBuilder()
            .setPhotoId(photoId.toString())
            .setObjectKey(photoKey)
            .setContentType(photo.type().mediaType())
            .setSizeBytes(photo.bytes().length));
    // the upload is no longer needed (a later PUT through its still-valid URL writes an object
    // nothing refers to or
    // serves; the bucket's lifecycle rule on uploads/ expires those, docs/deployment.md)
    removals.deleteObjectsAfterCommit(List.of(row.objectKey()));
    return Optional.of(store.find(businessId, photoId).orElseThrow());
  }

  /** The listing's photos in their order, for whoever may see the listing. */
  public List<Photo> photosOf(Caller caller, UUID businessId) {
    listings.visibleTo(caller, businessId);
    return store.attached(businessId).stream().map(this::view).toList();
  }

  /** Puts the photos in this order; the ids must be exactly the listing's photos. */
  public List<Photo> reorder(Caller caller, UUID businessId, PhotoOrderRequest request) {
    return transaction.execute(
        status -> {
          listings.changeableBy(caller, businessId);
          List<PhotoRow> photos = store.attached(businessId);
          List<UUID> order =
              request == null || request.photoIds() == null ? List.of() : request.photoIds();
          Set<UUID> current = new HashSet<>(photos.stream().map(PhotoRow::id).toList());
          // not order.contains(null): an immutable list (no photoIds sent) throws on that question
          if (order.size() != photos.size()
              || order.stream().anyMatch(java.util.Objects::isNull)
              || !new HashSet<>(order).equals(current)) {
            throw PhotoProblems.invalidInput(
                "The new order must list every photo of the listing exactly once.",
                List.of(
                    new FieldProblem(
                        "photoIds",
                        "must be a permutation of the listing's " + photos.size() + " photo ids")));
          }
          store.reorder(order);
          return store.attached(businessId).stream().map(this::view).toList();
        });
  }

  /** Makes one attached photo the cover. */
  public List<Photo> makeCover(Caller caller, UUID businessId, UUID photoId) {
    return transaction.execute(
        status -> {
          listings.changeableBy(caller, businessId);
          PhotoRow row =
              store
                  .find(businessId, photoId)
                  .filter(PhotoRow::attached)
                  .orElseThrow(PhotoProblems::photoNotFound);
          store.setCover(businessId, row.id());
          return store.attached(businessId).stream().map(this::view).toList();
        });
  }

  /**
   * Removes a photo (or cancels a pending upload). The object is deleted once the removal has
   * committed: an orphan object is harmless, a photo pointing at nothing is not. When the cover
   * goes, the next photo becomes the cover.
   */
  public void delete(Caller caller, UUID businessId, UUID photoId, String traceId) {
    transaction.executeWithoutResult(
        status -> {
          listings.changeableBy(caller, businessId);
          PhotoRow row = store.find(businessId, photoId).orElseThrow(PhotoProblems::photoNotFound);
          store.delete(row.id());
          if (row.attached()) {
            List<PhotoRow> rest = store.attached(businessId);
            store.reorder(rest.stream().map(PhotoRow::id).toList());
            if (row.cover() && !rest.isEmpty()) {
              store.setCover(businessId, rest.get(0).id());
            }
            removals.publishRemoved(businessId, row, traceId);
          }
          removals.deleteObjectsAfterCommit(List.of(row.objectKey()));
        });
  }

  private ImageType validate(PhotoUploadRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    Optional<ImageType> type =
        ImageType.ofMediaType(request == null ? null : request.contentType());
    if (type.isEmpty()) {
      errors.add(new FieldProblem("contentType", "must be image/jpeg or image/png"));
    }
    Long size = request == null ? null : request.sizeBytes();
    long max = properties.maxPhotoBytes().toBytes();
    if (size == null || size <= 0) {
      errors.add(new FieldProblem("sizeBytes", "must be a positive number of bytes"));
    } else if (size > max) {
      errors.add(
          new FieldProblem(
              "sizeBytes",
              "must be at most " + max + " bytes (" + properties.maxPhotoBytes() + ")"));
    }
    if (!errors.isEmpty()) {
      throw PhotoProblems.invalidInput(
          "The photo cannot be uploaded: "
              + String.join(", ", errors.stream().map(FieldProblem::field).toList()),
          errors);
    }
    return type.orElseThrow();
  }

  /**
   * The stored object must exist, have the declared size, start like an image of the declared type
   * and decode whole as one; what comes back is its pixels, re-encoded without metadata.
   */
  private PhotoReencoder.CleanPhoto cleanUpload(PhotoRow pending) {
    Optional<Long> size = storageCall(() -> storage.sizeOf(pending.objectKey()));
    if (size.isEmpty()) {
      throw PhotoProblems.uploadRefused(
          "upload-not-found",
          "Upload not found: PUT the file to the upload URL before confirming it.");
    }
    long max = properties.maxPhotoBytes().toBytes();
    if (size.get() > max || size.get() != pending.sizeBytes()) {
      discard(pending);
      throw PhotoProblems.uploadRefused(
          "size-mismatch",
          "The uploaded file has "
              + size.get()
              + " bytes, not the "
              + pending.sizeBytes()
              + " declared (at most "
              + max
              + "). It was deleted.");
    }
    byte[] upload = storageCall(() -> storage.read(pending.objectKey()));
    if (upload.length != pending.sizeBytes()) {
      // overwritten between the size check and the read (its URL is still valid): judge nothing
      // half-seen
      discard(pending);
      throw PhotoProblems.uploadRefused(
          "size-mismatch",
          "The uploaded file changed while it was checked. It was " + "deleted; upload it again.");
    }
    Optional<ImageType> real = ImageType.detect(upload);
    if (real.isEmpty()) {
      discard(pending);
      throw PhotoProblems.uploadRefused(
          "not-an-image", "The uploaded file is not a JPEG/PNG image. It was deleted.");
    }
    if (!real.get().mediaType().equals(pending.contentType())) {
      discard(pending);
      throw PhotoProblems.uploadRefused(
          "type-mismatch",
          "The uploaded file is "
              + real.get().mediaType()
              + ", not "
              + pending.contentType()
              + " as declared. It was deleted; upload it again with its real type.");
    }
    try {
      return reencoder.reencode(upload, real.get());
    } catch (PhotoReencoder.UnusableImageException e) {
      discard(pending);
      throw PhotoProblems.uploadRefused(e.reason(), e.getMessage() + " It was deleted.");
    }
  }

  /** Forgets a refused upload: its pending row, then its object. */
  private void discard(PhotoRow pending) {
    transaction.executeWithoutResult(status -> store.delete(pending.id()));
    storage.deleteQuietly(List.of(pending.objectKey()));
  }

  private void forgetAbandonedUploads(UUID businessId) {
    List<PhotoRow> abandoned = store.abandoned(businessId, clock.instant().minus(ABANDONED_AFTER));
    abandoned.forEach(row -> store.delete(row.id()));
    removals.deleteObjectsAfterCommit(abandoned.stream().map(PhotoRow::objectKey).toList());
  }

  private Photo view(PhotoRow row) {
    return new Photo(
        row.id(),
        storage.urlFor(row.objectKey(), ImageType.ofMediaType(row.contentType())),
        row.contentType(),
        row.sizeBytes(),
        row.position(),
        row.cover());
  }

  private static <T> T storageCall(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      log.warn("Photo storage did not answer as expected: {}", e.getMessage());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "The photo storage is not available right now. Try again in a moment.");
      problem.setTitle("Storage unavailable");
      throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, e);
    }
  }
}
