package io.digitaltowns.benchmark.deployed;

import java.util.List;
import java.util.Map;

/**
 * The round-two report's tables (report.md): each goal with its median (min–max over the runs) and
 * status.
 */
final class DeployedReport {

  private DeployedReport() {}

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> report) {
    Map<String, Object> summary =
        report.get("summary") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
    StringBuilder md = new StringBuilder();
    md.append("### The run\n\n");
    md.append("- Started ")
        .append(report.get("startedAt"))
        .append(", took ")
        .append(report.get("totalSeconds"))
        .append(" s; the system's start ")
        .append(report.get("systemStartSeconds"))
        .append(" s\n");
    md.append("- ").append(report.get("how")).append("\n");
    md.append("- Sizes: ").append(report.get("sizes")).append("\n");
    if (report.get("error") != null) {
      md.append("- **Error**: ").append(report.get("error")).append("\n");
    }
    md.append("\nLoad average (1/5/15 min) through the run:\n\n");
    if (report.get("loadAverage") instanceof List<?> samples) {
      samples.forEach(s -> md.append("- ").append(s).append("\n"));
    }
    md.append(
        "\n### Goals (median of the runs, min–max in brackets)\n\n| Goal | Measured | Status |\n|---|---|---|\n");
    String ss = "steadyState.";
    goal(md, summary, "commit → Kafka p99 ≤ 50 ms at 200/s", ss + "commitToKafkaMs.p99", 50, " ms");
    goal(
        md,
        summary,
        "welcome mail p99 ≤ 1 s at 200/s",
        ss + "commitToWelcomeMailMs.p99",
        1000,
        " ms");
    goal(
        md,
        summary,
        "CRM contact row p99 ≤ 1 s at 200/s",
        ss + "commitToCrmContactRowMs.p99",
        1000,
        " ms");
    goal(
        md,
        summary,
        "analytics count p99 ≤ 1 s at 200/s",
        ss + "commitToAnalyticsSignupCountMs.p99",
        1000,
        " ms");
    for (String key :
        List.of(
            "missingOnKafka",
            "duplicatedOnKafka",
            "missingWelcomeMail",
            "duplicatedWelcomeMail",
            "missingCrmContactRow",
            "duplicatedCrmSignupActivity")) {
      goal(md, summary, key + " = 0 at 200/s", ss + key, 0, "");
    }
    md.append("| highest rate with every effect p99 ≤ 1 s ≥ 400/s | ")
        .append(figure(summary, "rateSearch.highestSustainedPerSecond", "/s"))
        .append(" | ")
        .append(status(summary, "rateSearch.highestSustainedPerSecond", 400, false))
        .append(" |\n");
    goal(
        md,
        summary,
        "search p99 ≤ 25 ms at 200/s (every run: max)",
        "apiPages.search.latencyFromIntendedSendMs.p99",
        25,
        " ms");
    goal(
        md,
        summary,
        "town page p99 ≤ 25 ms at 200/s (every run: max)",
        "apiPages.townPage.latencyFromIntendedSendMs.p99",
        25,
        " ms");
    md.append(
        "\n### Relay drain of the backlog (events/s from the first record)\n\n| Figure | Events/s |\n|---|---|\n");
    for (String key :
        List.of(
            "logicalDecodingToClient.insertsPerSecond",
            "relayDrain.eventsPerSecondFromFirstRecord",
            "relayDrain.eventsPerSecondIncludingStartup",
            "kafkaConnectDrain.eventsPerSecondFromFirstRecord",
            "pollingRelayDrain.eventsPerSecondFromFirstRecord",
            "pollingRelayDrain.eventsPerSecondIncludingStartup")) {
      md.append("| ")
          .append(key)
          .append(" | ")
          .append(figure(summary, "drain." + key, ""))
          .append(" |\n");
    }
    md.append("\n### Per service at ")
        .append(((Map<?, ?>) report.getOrDefault("sizes", Map.of())).get("steadyRate"))
        .append(" registrations/s (load and the wait for the last effects)\n\n")
        .append(
            "| Process | CPU ms per registration | of it GC threads ms | GC pause p99 ms | GC pauses | peak RSS MB |\n|---|---|---|---|---|---|\n");
    String prefix = ss + "processes.processes.";
    summary.keySet().stream()
        .filter(k -> k.startsWith(prefix) && k.endsWith(".cpuMsPerUnit"))
        .forEach(
            k -> {
              String process = k.substring(prefix.length(), k.length() - ".cpuMsPerUnit".length());
              String p = prefix + process;
              md.append("| ")
                  .append(process)
                  .append(" | ")
                  .append(figure(summary, k, ""))
                  .append(" | ")
                  .append(figure(summary, p + ".gcThreadsCpuMs", ""))
                  .append(" | ")
                  .append(figure(summary, p + ".gc.pauseMs.p99", ""))
                  .append(" | ")
                  .append(figure(summary, p + ".gc.pauses", ""))
                  .append(" | ")
                  .append(
                      summary.get(p + ".peakRssKb") instanceof Map<?, ?> m
                          ? Math.round(((Number) m.get("max")).doubleValue() / 1024)
                          : "–")
                  .append(" |\n");
            });
    md.append("| all | ")
        .append(figure(summary, ss + "processes.cpuMsPerUnitInAll", ""))
        .append(" | | | | |\n");
    if (report.get("memory") instanceof Map<?, ?> memory) {
      md.append(
          "\n### Peak memory per service over the whole invocation\n\n| Service | peak RSS MB | within 512 MB | cgroup peak MB (RSS + page cache) | killed for memory | still running at the end | limit |\n|---|---|---|---|---|---|---|\n");
      memory.forEach(
          (name, v) -> {
            Map<?, ?> m = (Map<?, ?>) v;
            md.append("| ")
                .append(name)
                .append(" | ")
                .append(Math.round(((Number) m.get("peakRssKb")).doubleValue() / 1024))
                .append(" | ")
                .append(m.get("within512MB"))
                .append(" | ")
                .append(
                    m.get("cgroupPeakKb") instanceof Number peak && peak.longValue() >= 0
                        ? Long.toString(Math.round(peak.doubleValue() / 1024))
                        : "–")
                .append(" | ")
                .append(m.get("oomKills"))
                .append(" | ")
                .append(m.get("running"))
                .append(" | ")
                .append(m.get("limit"))
                .append(" |\n");
          });
    }
    return md.toString();
  }

  private static void goal(
      StringBuilder md,
      Map<String, Object> summary,
      String goal,
      String key,
      double limit,
      String unit) {
    md.append("| ")
        .append(goal)
        .append(" | ")
        .append(figure(summary, key, unit))
        .append(" | ")
        .append(status(summary, key, limit, true))
        .append(" |\n");
  }

  /** Achieved when every run met it (max ≤ limit, or min ≥ limit for a floor). */
  private static String status(
      Map<String, Object> summary, String key, double limit, boolean ceiling) {
    if (!(summary.get(key) instanceof Map<?, ?> m)) {
      return "not measured";
    }
    double worst = ((Number) (ceiling ? m.get("max") : m.get("min"))).doubleValue();
    boolean met = ceiling ? worst <= limit : worst >= limit;
    String ratio =
        limit == 0
            ? ""
            : String.format(" (%.2f× the goal)", ((Number) m.get("median")).doubleValue() / limit);
    return (met ? "**achieved**" : "**not achieved**") + ratio;
  }

  private static String figure(Map<String, Object> summary, String key, String unit) {
    if (!(summary.get(key) instanceof Map<?, ?> m)) {
      return "–";
    }
    return format(m.get("median"))
        + unit
        + " ("
        + format(m.get("min"))
        + "–"
        + format(m.get("max"))
        + ")";
  }

  private static String format(Object number) {
    double v = ((Number) number).doubleValue();
    return v >= 100 ? String.format("%,.0f", v) : String.format("%.3g", v);
  }
}
