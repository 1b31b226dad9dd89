package io.digitaltowns.readmodels.crm;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity rows of the CRM timeline: one per event, so writing the same event twice adds
 * nothing.
 */
@Component
public class Timeline {

  private final JdbcClient jdbc;

  public Timeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Activity activity) {
    jdbc.sql(
            """
            INSERT INTO consumers.crm_view_activities (event_id, business_id, user_id, kind, occurred_at, summary,
              actor_id, actor_name, detail, amount_minor, currency, reference_id)
            VALUES (:eventId, :businessId, :userId, :kind, :occurredAt, :summary,
              :actorId, :actorName, :detail, :amountMinor, :currency, :referenceId)
            ON CONFLICT (event_id) DO NOTHING
            """)
        .param("eventId", activity.eventId())
        .param("businessId", activity.businessId())
        .param("userId", activity.userId())
        .param("kind", activity.kind().name())
        .param("occurredAt", Timestamps.of(activity.occurredAt()))
        .param("summary", activity.summary())
        .param("actorId", activity.actorId())
        .param("actorName", activity.actorName())
        .param("detail", activity.detail())
        .param("amountMinor", activity.amountMinor())
        .param("currency", activity.currency())
        .param("referenceId", activity.referenceId())
        .update();
  }
}
