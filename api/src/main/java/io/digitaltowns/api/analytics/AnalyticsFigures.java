package io.digitaltowns.api.analytics;

import io.digitaltowns.events.AnalyticsCatalog.AnalyticsTopic;
import io.digitaltowns.readmodels.analytics.AnalyticsFiguresQueries;
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
 * Reads {@code consumers.analytics_figures}, which the consumers' analytics sink keeps equal to the
 * latest record of each key of each {@code dt.analytics.*} topic, through its owner's queries
 * (module readmodels), in the topic's schema order. Before the consumers first ran the table does
 * not exist: no figures.
 */
@Component
class AnalyticsFigures {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private final AnalyticsFiguresQueries queries;

  AnalyticsFigures(JdbcClient jdbc) {
    this.queries = new AnalyticsFiguresQueries(jdbc);
  }

  AnalyticsReport read(AnalyticsTopic topic, LocalDate from, LocalDate to) {
    List<String> columns = topic.value().getFields().stream().map(Schema.Field::name).toList();
    List<String> stored =
        topic.daily() ? queries.daily(topic.name(), from, to) : queries.latest(topic.name());
    List<Map<String, Object>> rows =
        stored.stream().map(json -> inSchemaOrder(columns, JSON.readValue(json, FIELDS))).toList();
    return new AnalyticsReport(topic.name(), from, to, columns, rows);
  }

  /** jsonb keeps keys in its own order; readers expect the schema's. */
  private static Map<String, Object> inSchemaOrder(
      List<String> columns, Map<String, Object> figures) {
    Map<String, Object> row = new LinkedHashMap<>();
    columns.forEach(column -> row.put(column, figures.get(column)));
    return row;
  }
}
