package io.digitaltowns.events;

import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.events.wire.SubjectNaming;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Every event type the system publishes. Registered at start so that a broken schema fails fast.
 */
public final class EventCatalog {

  /** The events of every topic of the catalog, topic by topic ({@link Topics#eventTopics()}). */
  private static final List<Schema> SCHEMAS =
      Topics.eventTopics().stream()
          .flatMap(topic -> topic.eventTypes().stream())
          .map(SpecificData.get()::getSchema)
          .toList();

  private EventCatalog() {}

  public static List<Schema> schemas() {
    return SCHEMAS;
  }

  /** Registers every schema; the registry refuses (409) a version that breaks compatibility. */
  public static void registerAll(SchemaRegistryClient registry) {
    SCHEMAS.forEach(schema -> registry.register(SubjectNaming.subjectFor(schema), schema));
  }
}
