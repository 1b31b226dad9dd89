package io.digitaltowns.readmodels.analytics;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read side of {@code consumers.analytics_figures} (written only by the consumers' analytics
 * sink through {@link AnalyticsFiguresTable}): each row's figures as the JSON text the sink stored,
 * field names as in the topic's Avro value schema.
 */
public final class AnalyticsFiguresQueries {

  private final JdbcClient jdbc;

  public AnalyticsFiguresQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The figures of a daily topic for the UTC days {@code from} to {@code to} (both included), by
   * day then key. Empty before the consumers first ran (the table does not exist yet).
   */
  public List<String> daily(String topic, LocalDate from, LocalDate to) {
    if (!tableExists()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT figures::text FROM consumers.analytics_figures
            WHERE topic = :topic AND day_utc BETWEEN :from AND :to
            ORDER BY day_utc, record_key
            """)
        .param("topic", topic)
        .param("from", from)
        .param("to", to)
        .query(String.class)
        .list();
  }

  /**
   * The figures of every key of a topic that is not daily, by key; empty before the consumers first
   * ran.
   */
  public List<String> latest(String topic) {
    if (!tableExists()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT figures::text FROM consumers.analytics_figures WHERE topic = :topic ORDER BY record_key")
        .param("topic", topic)
        .query(String.class)
        .list();
  }

  private boolean tableExists() {
    return jdbc.sql("SELECT to_regclass('consumers.analytics_figures') IS NOT NULL")
        .query(Boolean.class)
        .single();
  }
}
