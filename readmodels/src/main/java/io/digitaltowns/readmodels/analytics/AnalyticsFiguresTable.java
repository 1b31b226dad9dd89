package io.digitaltowns.readmodels.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code consumers.analytics_figures}: the latest record of each key of each {@code dt.analytics.*}
 * topic, as the compacted topic itself keeps it, for the api's admin endpoint and for SQL. Writing
 * the latest value of a key is idempotent, so a redelivery or a re-read of the whole topic leaves
 * the same rows.
 */
@Component
public class AnalyticsFiguresTable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final Clock clock;

  public AnalyticsFiguresTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
  }

  public void put(String topic, GenericRecord key, GenericRecord figures) {
    Object day = figures.hasField("dayUtc") ? figures.get("dayUtc") : null;
    jdbc.sql(
            """
            INSERT INTO consumers.analytics_figures (topic, record_key, day_utc, figures, updated_at)
            VALUES (:topic, :key, :day, CAST(:figures AS jsonb), :now)
            ON CONFLICT (topic, record_key) DO UPDATE
              SET day_utc = EXCLUDED.day_utc, figures = EXCLUDED.figures, updated_at = EXCLUDED.updated_at
            """)
        .param("topic", topic)
        .param("key", json(key))
        .param("day", day == null ? null : Date.valueOf(LocalDate.parse(day.toString())))
        .param("figures", json(figures))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  public void remove(String topic, GenericRecord key) {
    jdbc.sql("DELETE FROM consumers.analytics_figures WHERE topic = :topic AND record_key = :key")
        .param("topic", topic)
        .param("key", json(key))
        .update();
  }

  /** The record's fields in schema order; strings as text, counts as numbers. */
  private static String json(GenericRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Schema.Field field : record.getSchema().getFields()) {
      Object value = record.get(field.pos());
      fields.put(field.name(), value instanceof CharSequence text ? text.toString() : value);
    }
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + record.getSchema().getFullName() + " as JSON", e);
    }
  }
}
