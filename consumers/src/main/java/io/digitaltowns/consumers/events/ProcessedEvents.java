package io.digitaltowns.consumers.events;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message log of the idempotent consumer: one row per (consumer group, event id), written in
 * the same transaction as the handler's effect. Redelivered and replayed events find their row and
 * are skipped.
 */
@Component
public class ProcessedEvents {

  private final JdbcClient jdbc;

  ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @return true if the event was not processed by this group before (and is now recorded); a
   *     concurrent attempt for the same event waits here for the first one's outcome
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean markProcessed(String group, String eventId) {
    return jdbc.sql(
                """
            INSERT INTO consumers.processed_events (consumer_group, event_id, processed_at)
            VALUES (:group, :eventId, now())
            ON CONFLICT DO NOTHING
            """)
            .param("group", group)
            .param("eventId", eventId)
            .update()
        == 1;
  }

  public boolean wasProcessed(String group, String eventId) {
    return jdbc.sql(
                "SELECT count(*) FROM consumers.processed_events WHERE consumer_group = :group AND event_id = :eventId")
            .param("group", group)
            .param("eventId", eventId)
            .query(Long.class)
            .single()
        > 0;
  }
}
