package io.digitaltowns.api.towns;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A town: the place whose businesses residents discover. */
public record Town(UUID id, String slug, String name, String region, String timezone, Instant createdAt) {

  public ZoneId zone() {
    return ZoneId.of(timezone);
  }
}
