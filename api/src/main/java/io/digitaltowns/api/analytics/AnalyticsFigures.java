package io.digitaltowns.api.analytics;

import io.digitaltowns.events.AnalyticsCatalog.AnalyticsTopic;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code consumers.analytics_figures}, which the consumers' analytics sink keeps equal to the latest record of
 * each key of each {@code dt.analytics.*} topic. Before the consumers first ran the table does not exist: no figures.
 */
@Component
class AnalyticsFigures {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;

  AnalyticsFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  AnalyticsReport read(AnalyticsTopic topic, LocalDate from, LocalDate to) {
    List<String> columns = topic.value().getFields().stream().map(Schema.Field::name).toList();
    if (!tableExists()) {
      return new AnalyticsReport(topic.name(), from, to, columns, List.of());
    }
    List<String> stored = topic.daily()
        ? jdbc.sql("""
              SELECT figures::text FROM consumers.analytics_figures
              WHERE topic = :topic AND day_utc BETWEEN :from AND :to
              ORDER BY day_utc, record_key
              """)
            .param("topic", topic.name()).param("from", from).param("to", to)
            .query(String.class).list()
        : jdbc.sql("SELECT figures::text FROM consumers.analytics_figures WHERE topic = :topic ORDER BY record_key")
            .param("topic", topic.name())
            .query(String.class).list();
    List<Map<String, Object>> rows = stored.stream().map(json -> inSchemaOrder(columns, JSON.readValue(json, FIELDS))).toList();
    return new AnalyticsReport(topic.name(), from, to, columns, rows);
  }

  private boolean tableExists() {
    return jdbc.sql("SELECT to_regclass('consumers.analytics_figures') IS NOT NULL").query(Boolean.class).single();
  }

  /** jsonb keeps keys in its own order; readers expect the schema's. */
  private static Map<String, Object> inSchemaOrder(List<String> columns, Map<String, Object> figures) {
    Map<String, Object> row = new LinkedHashMap<>();
    columns.forEach(column -> row.put(column, figures.get(column)));
    return row;
  }
}
