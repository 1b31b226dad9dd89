package io.digitaltowns.api.businesses.photos;

import io.digitaltowns.api.businesses.photos.PhotoRow.Status;
import io.digitaltowns.api.persistence.InsertRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code business_photos} table. Positions and the cover are changed by statements, not by
 * saving rows: the position constraint is deferred to the commit and the one-cover index is checked
 * row by row, so their order matters.
 */
interface PhotoRepository extends ListCrudRepository<PhotoRow, UUID>, InsertRepository<PhotoRow> {

  Optional<PhotoRow> findByIdAndBusinessId(UUID id, UUID businessId);

  List<PhotoRow> findByBusinessIdAndStatusOrderByPosition(UUID businessId, Status status);

  List<PhotoRow> findByBusinessIdOrderByCreatedAt(UUID businessId);

  List<PhotoRow> findByBusinessIdAndStatusAndExpiresAtBefore(
      UUID businessId, Status status, Instant before);

  long countByBusinessIdAndStatus(UUID businessId, Status status);

  @Modifying
  @Query("UPDATE business_photos SET position = :position WHERE id = :id")
  void placeAt(UUID id, int position);

  @Modifying
  @Query(
      "UPDATE business_photos SET cover = false WHERE business_id = :businessId AND cover AND id <> :id")
  void uncoverAllBut(UUID businessId, UUID id);

  @Modifying
  @Query("UPDATE business_photos SET cover = true WHERE id = :id AND status = 'ATTACHED'")
  void cover(UUID id);
}
