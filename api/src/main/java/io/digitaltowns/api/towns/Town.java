package io.digitaltowns.api.towns;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A town: the place whose businesses residents discover. Stored as a row of {@code towns} by {@link
 * TownRepository}; {@code createdAt} is the database's {@code now()} at insert (never written from
 * here), {@code updatedAt} the last edit (null until one; kept out of the JSON, which never had
 * it).
 */
@Table("towns")
public record Town(
    @Id UUID id,
    String slug,
    String name,
    String region,
    String timezone,
    @ReadOnlyProperty Instant createdAt,
    @JsonIgnore Instant updatedAt) {

  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  /** A town not stored yet: the database gives it its creation time. */
  public static Town unsaved(UUID id, String slug, String name, String region, String timezone) {
    return new Town(id, slug, name, region, timezone, null, null);
  }

  /** This town with new values, edited at {@code at}. */
  public Town edited(String slug, String name, String region, String timezone, Instant at) {
    return new Town(id, slug, name, region, timezone, createdAt, at);
  }
}
