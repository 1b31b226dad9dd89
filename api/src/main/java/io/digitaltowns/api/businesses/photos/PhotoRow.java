package io.digitaltowns.api.businesses.photos;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code business_photos}: a pending upload (no position) or an attached photo. The
 * status is stored as its name, the text the table's CHECK lists; {@code createdAt} is the
 * database's {@code now()} at insert.
 */
@Table("business_photos")
record PhotoRow(
    @Id UUID id,
    UUID businessId,
    String objectKey,
    String contentType,
    long sizeBytes,
    Status status,
    Integer position,
    boolean cover,
    Instant expiresAt,
    @ReadOnlyProperty Instant createdAt,
    Instant attachedAt) {

  enum Status {
    PENDING,
    ATTACHED
  }

  /** An upload URL handed out: the row waits for the upload until {@code expiresAt}. */
  static PhotoRow pending(
      UUID id,
      UUID businessId,
      String objectKey,
      String contentType,
      long sizeBytes,
      Instant expiresAt) {
    return new PhotoRow(
        id,
        businessId,
        objectKey,
        contentType,
        sizeBytes,
        Status.PENDING,
        null,
        false,
        expiresAt,
        null,
        null);
  }

  boolean attached() {
    return status == Status.ATTACHED;
  }

  /** This upload attached at {@code position}, stored under its final key with its final size. */
  PhotoRow attachedAs(int position, boolean cover, String finalKey, long finalSize, Instant at) {
    return new PhotoRow(
        id,
        businessId,
        finalKey,
        contentType,
        finalSize,
        Status.ATTACHED,
        position,
        cover,
        null,
        createdAt,
        at);
  }
}
