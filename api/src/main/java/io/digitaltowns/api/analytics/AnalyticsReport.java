package io.digitaltowns.api.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figures of one analytics topic. {@code from} and {@code to} are UTC days, both included; null
 * for {@code listings}, which is a count of listings as they stand now. Each row holds the fields
 * of the topic's Avro value, in schema order.
 */
public record AnalyticsReport(
    String topic,
    LocalDate from,
    LocalDate to,
    List<String> columns,
    List<Map<String, Object>> rows) {}
