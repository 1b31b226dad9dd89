package io.digitaltowns.api.businesses.photos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes the business_photos rows. */
@Component
class PhotoStore {

  private final JdbcClient jdbc;

  PhotoStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  enum Status { PENDING, ATTACHED }

  /** One row: a pending upload (no position) or an attached photo. */
  record PhotoRow(UUID id, UUID businessId, String objectKey, String contentType, long sizeBytes, Status status,
                  Integer position, boolean cover, Instant expiresAt) {

    boolean attached() {
      return status == Status.ATTACHED;
    }
  }

  void insertPending(UUID id, UUID businessId, String objectKey, String contentType, long sizeBytes, Instant expiresAt) {
    jdbc.sql("""
            INSERT INTO business_photos (id, business_id, object_key, content_type, size_bytes, status, expires_at)
            VALUES (:id, :businessId, :objectKey, :contentType, :sizeBytes, 'PENDING', :expiresAt)
            """)
        .param("id", id).param("businessId", businessId).param("objectKey", objectKey)
        .param("contentType", contentType).param("sizeBytes", sizeBytes).param("expiresAt", Timestamp.from(expiresAt))
        .update();
  }

  /** The photo, if it belongs to this listing. */
  Optional<PhotoRow> find(UUID businessId, UUID photoId) {
    return jdbc.sql("SELECT * FROM business_photos WHERE id = :id AND business_id = :businessId")
        .param("id", photoId).param("businessId", businessId).query(this::row).optional();
  }

  /** The attached photos of a listing, in their order. */
  List<PhotoRow> attached(UUID businessId) {
    return jdbc.sql("""
            SELECT * FROM business_photos WHERE business_id = :businessId AND status = 'ATTACHED' ORDER BY position
            """)
        .param("businessId", businessId).query(this::row).list();
  }

  /** Every row of a listing, pending uploads included. */
  List<PhotoRow> all(UUID businessId) {
    return jdbc.sql("SELECT * FROM business_photos WHERE business_id = :businessId ORDER BY created_at")
        .param("businessId", businessId).query(this::row).list();
  }

  /** Pending uploads of a listing abandoned before this moment. */
  List<PhotoRow> abandoned(UUID businessId, Instant before) {
    return jdbc.sql("""
            SELECT * FROM business_photos WHERE business_id = :businessId AND status = 'PENDING' AND expires_at < :before
            """)
        .param("businessId", businessId).param("before", Timestamp.from(before)).query(this::row).list();
  }

  long countAttached(UUID businessId) {
    return jdbc.sql("SELECT count(*) FROM business_photos WHERE business_id = :businessId AND status = 'ATTACHED'")
        .param("businessId", businessId).query(Long.class).single();
  }

  long countPending(UUID businessId) {
    return jdbc.sql("SELECT count(*) FROM business_photos WHERE business_id = :businessId AND status = 'PENDING'")
        .param("businessId", businessId).query(Long.class).single();
  }

  /** Makes a pending upload the listing's last photo, now stored under its final key with its final size. */
  void attach(UUID photoId, int position, boolean cover, String objectKey, long sizeBytes) {
    jdbc.sql("""
            UPDATE business_photos SET status = 'ATTACHED', position = :position, cover = :cover, expires_at = NULL,
                   attached_at = now(), object_key = :objectKey, size_bytes = :sizeBytes
            WHERE id = :id
            """)
        .param("id", photoId).param("position", position).param("cover", cover).param("objectKey", objectKey)
        .param("sizeBytes", sizeBytes).update();
  }

  void delete(UUID photoId) {
    jdbc.sql("DELETE FROM business_photos WHERE id = :id").param("id", photoId).update();
  }

  /** Gives the attached photos the positions 0, 1, 2, ... in this order (the position constraint is deferred). */
  void reorder(List<UUID> photoIds) {
    for (int position = 0; position < photoIds.size(); position++) {
      jdbc.sql("UPDATE business_photos SET position = :position WHERE id = :id")
          .param("position", position).param("id", photoIds.get(position)).update();
    }
  }

  /** Makes this attached photo the listing's one cover. */
  void setCover(UUID businessId, UUID photoId) {
    // two statements: the one-cover index is checked row by row
    jdbc.sql("UPDATE business_photos SET cover = false WHERE business_id = :businessId AND cover AND id <> :id")
        .param("businessId", businessId).param("id", photoId).update();
    jdbc.sql("UPDATE business_photos SET cover = true WHERE id = :id AND status = 'ATTACHED'")
        .param("id", photoId).update();
  }

  private PhotoRow row(ResultSet rs, int row) throws SQLException {
    Timestamp expires = rs.getTimestamp("expires_at");
    return new PhotoRow(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
        rs.getString("object_key"), rs.getString("content_type"), rs.getLong("size_bytes"),
        Status.valueOf(rs.getString("status")), (Integer) rs.getObject("position"), rs.getBoolean("cover"),
        expires == null ? null : expires.toInstant());
  }
}
