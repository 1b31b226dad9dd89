package io.digitaltowns.api.towns.admin;

import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.TownNotFoundException;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.events.towns.TownCreated;
import io.digitaltowns.events.towns.TownUpdated;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins create and edit towns; each change writes TownCreated / TownUpdated with the town's new state. */
@Service
public class TownAdministration {

  private final JdbcClient jdbc;
  private final Towns towns;
  private final OutboxWriter outbox;

  TownAdministration(JdbcClient jdbc, Towns towns, OutboxWriter outbox) {
    this.jdbc = jdbc;
    this.towns = towns;
    this.outbox = outbox;
  }

  @Transactional
  public Town create(String name, String slug, String region, String timezone, String traceId) {
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("INSERT INTO towns (id, slug, name, region, timezone) VALUES (:id, :slug, :name, :region, :timezone)")
          .param("id", id).param("slug", slug).param("name", name.trim()).param("region", blankToNull(region))
          .param("timezone", timezone).update();
    } catch (DuplicateKeyException e) {
      throw new SlugTakenException();
    }
    Town town = towns.byId(id).orElseThrow();
    publish(town, true, traceId);
    return town;
  }

  @Transactional
  public Town update(UUID id, String name, String slug, String region, String timezone, String traceId) {
    int updated;
    try {
      updated = jdbc.sql("""
              UPDATE towns SET slug = :slug, name = :name, region = :region, timezone = :timezone, updated_at = now()
              WHERE id = :id
              """)
          .param("id", id).param("slug", slug).param("name", name.trim()).param("region", blankToNull(region))
          .param("timezone", timezone).update();
    } catch (DuplicateKeyException e) {
      throw new SlugTakenException();
    }
    if (updated == 0) {
      throw new TownNotFoundException();
    }
    Town town = towns.byId(id).orElseThrow();
    publish(town, false, traceId);
    return town;
  }

  private void publish(Town town, boolean created, String traceId) {
    if (created) {
      outbox.publish(town.id(), traceId, TownCreated.newBuilder().setSlug(town.slug()).setName(town.name())
          .setRegion(town.region()).setTimezone(town.timezone()));
    } else {
      outbox.publish(town.id(), traceId, TownUpdated.newBuilder().setSlug(town.slug()).setName(town.name())
          .setRegion(town.region()).setTimezone(town.timezone()));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
