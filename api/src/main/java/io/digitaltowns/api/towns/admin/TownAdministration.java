package io.digitaltowns.api.towns.admin;

import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.TownNotFoundException;
import io.digitaltowns.api.towns.TownRepository;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.events.towns.TownCreated;
import io.digitaltowns.events.towns.TownUpdated;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins create and edit towns; each change writes TownCreated / TownUpdated with the town's new
 * state.
 */
@Service
public class TownAdministration {

  private final TownRepository repository;
  private final Towns towns;
  private final OutboxWriter outbox;

  TownAdministration(TownRepository repository, Towns towns, OutboxWriter outbox) {
    this.repository = repository;
    this.towns = towns;
    this.outbox = outbox;
  }

  @Transactional
  public Town create(String name, String slug, String region, String timezone, String traceId) {
    UUID id = UUID.randomUUID();
    try {
      repository.insert(Town.unsaved(id, slug, name.trim(), blankToNull(region), timezone));
    } catch (DataAccessException e) {
      throw slugTakenOr(e);
    }
    Town town = towns.byId(id).orElseThrow();
    publish(town, true, traceId);
    return town;
  }

  @Transactional
  public Town update(
      UUID id, String name, String slug, String region, String timezone, String traceId) {
    Town current = towns.byId(id).orElseThrow(TownNotFoundException::new);
    try {
      repository.save(
          current.edited(slug, name.trim(), blankToNull(region), timezone, Instant.now()));
    } catch (DataAccessException e) {
      throw slugTakenOr(e);
    }
    Town town = towns.byId(id).orElseThrow();
    publish(town, false, traceId);
    return town;
  }

  /**
   * Spring Data JDBC wraps the driver's unique violation in its own exception; the slug is the only
   * unique key.
   */
  private static RuntimeException slugTakenOr(DataAccessException e) {
    return e instanceof DuplicateKeyException || e.getCause() instanceof DuplicateKeyException
        ? new SlugTakenException()
        : e;
  }

  private void publish(Town town, boolean created, String traceId) {
    if (created) {
      outbox.publish(
          town.id(),
          traceId,
          TownCreated.newBuilder()
              .setSlug(town.slug())
              .setName(town.name())
              .setRegion(town.region())
              .setTimezone(town.timezone()));
    } else {
      outbox.publish(
          town.id(),
          traceId,
          TownUpdated.newBuilder()
              .setSlug(town.slug())
              .setName(town.name())
              .setRegion(town.region())
              .setTimezone(town.timezone()));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
