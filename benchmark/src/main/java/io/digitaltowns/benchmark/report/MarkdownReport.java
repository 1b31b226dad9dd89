package io.digitaltowns.benchmark.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Turns report.json's figures into the tables of docs/benchmarks.md. The tables are written between
 * two markers in that file, so the hand-written method and analysis around them stay, and a run
 * cannot leave the document showing figures of another run. Also writes the same tables to
 * report.md beside report.json.
 */
public final class MarkdownReport {

  static final String BEGIN =
      "<!-- benchmark results: begin (written by the benchmark run, do not edit) -->";
  static final String END = "<!-- benchmark results: end -->";

  private final ReportValues v;
  private final StringBuilder out = new StringBuilder();

  private MarkdownReport(Map<String, Object> report) {
    this.v = new ReportValues(report);
  }

  /**
   * Writes report.md into outDir and replaces the results between the markers of document, if it
   * has them; a null document (a run of some steps only) leaves it as it is.
   */
  public static void write(Map<String, Object> report, Path outDir, Path document)
      throws IOException {
    String tables = new MarkdownReport(report).render();
    Files.writeString(outDir.resolve("report.md"), tables);
    if (document != null && Files.exists(document)) {
      String text = Files.readString(document);
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      if (begin >= 0 && end > begin) {
        Files.writeString(
            document,
            text.substring(0, begin + BEGIN.length())
                + "\n\n"
                + tables
                + "\n"
                + text.substring(end));
      }
    }
  }

  String render() {
    runAndMachine();
    goals();
    limitsAndDrains();
    steadyCommitToKafka();
    endToEnd();
    api();
    sitePages();
    memory();
    return out.toString();
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void table(String header, List<String> rows) {
    line(header);
    line(header.replaceAll("[^|]+", "---"));
    rows.forEach(this::line);
    line("");
  }

  private void runAndMachine() {
    line("### The run");
    line("");
    table(
        "| | |",
        List.of(
            "| Started | " + v.text("startedAt") + " |",
            "| Took | " + v.count("totalSeconds") + " s (the system's start included) |",
            "| CPU | "
                + v.text("machine.availableProcessors")
                + " cores, "
                + v.text("machine.cpuModel")
                + ", "
                + v.text("machine.os")
                + " |",
            "| Memory | "
                + v.text("machine.memTotal")
                + " total, "
                + v.text("machine.memAvailableAtStart")
                + " available at the start |",
            "| JDK | "
                + v.text("machine.jdk")
                + ", benchmark JVM heap "
                + v.text("machine.maxHeap")
                + " |",
            "| Versions | Spring Boot "
                + v.text("machine.springBoot")
                + ", Kafka clients "
                + v.text("machine.kafkaClients")
                + " (embedded KRaft broker), Debezium "
                + v.text("machine.debezium")
                + ", pgJDBC "
                + v.text("machine.postgresJdbc")
                + ", Avro "
                + v.text("machine.avro")
                + " |"));
    if (v.get("loadAverage") instanceof List<?> samples) {
      line("Load average (1/5/15 min) through the run:");
      line("");
      for (Object sample : samples) {
        line("- " + sample);
      }
      line("");
    }
  }

  private Double relayDrain() {
    return v.number("backlog.relayDrain.eventsPerSecondFromFirstRecord");
  }

  private Double lowerLimit() {
    return ofMeasured(
        v.number("kafkaProducerLimit.recordsPerSecond"),
        v.number("backlog.logicalDecodingToClient.insertsPerSecond"),
        Math::min);
  }

  private Double fasterPeer() {
    return ofMeasured(
        v.number("peers.kafkaConnect.drain.eventsPerSecondFromFirstRecord"),
        v.number("peers.modulith.drain.eventsPerSecondFromFirstRecord"),
        Math::max);
  }

  /**
   * {@code pick} of the two figures when both were measured, else the one that was (a step may be
   * left out).
   */
  private static Double ofMeasured(Double a, Double b, BinaryOperator<Double> pick) {
    if (a == null) {
      return b;
    }
    return b == null ? a : pick.apply(a, b);
  }

  private void goals() {
    line("### Goals");
    line("");
    List<String> rows = new ArrayList<>();
    Double drain = relayDrain();
    Double peer = fasterPeer();
    Double limit = lowerLimit();
    rows.add(
        "| Relay drain ≥ 1.2× the faster peer | "
            + achieved(drain, peer == null ? null : 1.2 * peer, true)
            + " | "
            + ReportValues.whole(drain)
            + " vs "
            + ReportValues.whole(peer)
            + " events/s = "
            + ReportValues.ratio(drain, peer)
            + " |");
    rows.add(
        "| Relay drain ≥ 70% of the lower limit | "
            + achieved(drain, limit == null ? null : 0.7 * limit, true)
            + " | "
            + ReportValues.whole(drain)
            + " of "
            + ReportValues.whole(limit)
            + " events/s = "
            + ReportValues.percent(drain, limit)
            + " |");
    String top = topRate();
    if (top != null) {
      String base = "steadyState." + top;
      Double worst = null;
      String worstName = null;
      for (String effect :
          List.of(
              "commitToKafkaMs",
              "commitToWelcomeMailMs",
              "commitToCrmContactRowMs",
              "commitToAnalyticsSignupCountMs")) {
        Double p99 = v.number(base + "." + effect + ".p99");
        if (p99 != null && (worst == null || p99 > worst)) {
          worst = p99;
          worstName = effect;
        }
      }
      Double achievedRate = v.number(base + ".registrations.achievedPerSecond");
      rows.add(
          "| Commit→consumer p99 ≤ 100 ms at 1,000 events/s | "
              + achieved(worst, 100.0, false)
              + " | at a target of "
              + v.text(base + ".targetRatePerSecond")
              + "/s ("
              + ReportValues.whole(achievedRate)
              + "/s achieved by the api): worst p99 "
              + ReportValues.whole(worst)
              + " ms ("
              + worstName
              + ") = "
              + ReportValues.ratio(worst, 100.0)
              + " the goal |");
    }
    Double searchP99 = v.number("api.searchAtFixedRate.latencyFromIntendedSendMs.p99");
    rows.add(
        "| Search p99 ≤ 25 ms at 200 requests/s | "
            + achieved(searchP99, 25.0, false)
            + " | p99 "
            + v.ms("api.searchAtFixedRate.latencyFromIntendedSendMs.p99")
            + " ms at "
            + v.text("api.searchAtFixedRate.achievedPerSecond")
            + " requests/s = "
            + ReportValues.ratio(searchP99, 25.0)
            + " the goal |");
    for (String[] page : SITE_PAGES) {
      String base = "sitePages." + page[0];
      Double p99 = v.number(base + ".latencyFromIntendedSendMs.p99");
      rows.add(
          "| "
              + page[1]
              + ": p99 ≤ 25 ms at 200 requests/s | "
              + achieved(p99, 25.0, false)
              + " | p99 "
              + v.ms(base + ".latencyFromIntendedSendMs.p99")
              + " ms at "
              + v.text(base + ".achievedPerSecond")
              + " requests/s ("
              + v.text(base + ".failures")
              + " failed) = "
              + ReportValues.ratio(p99, 25.0)
              + " the goal |");
      Double html = v.number(base + ".weight.htmlBytesDecoded");
      rows.add(
          "| "
              + page[1]
              + ": HTML ≤ 30 KB | "
              + achieved(html, 30.0 * 1024, false)
              + " | "
              + ReportValues.kib(html)
              + " KiB decoded ("
              + ReportValues.kib(v.number(base + ".weight.htmlBytesServed"))
              + " KiB served, "
              + v.text(base + ".weight.htmlContentEncoding")
              + ") |");
      Double weight = v.number(base + ".weight.pageWeightBytesServed");
      rows.add(
          "| "
              + page[1]
              + ": page weight without photos ≤ 100 KB | "
              + achieved(weight, 100.0 * 1024, false)
              + " | "
              + ReportValues.kib(weight)
              + " KiB served ("
              + ReportValues.kib(v.number(base + ".weight.pageWeightBytesDecoded"))
              + " KiB decoded), "
              + v.text(base + ".weight.resourcesFailed")
              + " resources failed |");
      Double thirdParty = v.number(base + ".weight.thirdPartyRequestHostCount");
      rows.add(
          "| "
              + page[1]
              + ": no request to a third-party host | "
              + achieved(thirdParty, 0.0, false)
              + " | "
              + ReportValues.whole(thirdParty)
              + " third-party hosts "
              + v.text(base + ".weight.thirdPartyRequestHosts")
              + " |");
    }
    table("| Goal | Status | Measured |", rows);
  }

  /** The site's pages measured by SitePagesTrial: report key and name. */
  private static final List<String[]> SITE_PAGES =
      List.of(
          new String[] {"townPage", "Town page"}, new String[] {"businessPage", "Business page"});

  private static String achieved(Double value, Double threshold, boolean atLeast) {
    if (value == null || threshold == null) {
      return "not measured";
    }
    return (atLeast ? value >= threshold : value <= threshold)
        ? "**achieved**"
        : "**not achieved**";
  }

  private String topRate() {
    if (!(v.get("steadyState") instanceof Map<?, ?> runs) || runs.isEmpty()) {
      return null;
    }
    String top = null;
    for (Object key : runs.keySet()) {
      top = String.valueOf(key);
    }
    return top;
  }

  private void limitsAndDrains() {
    line(
        "### Limits and backlog drains ("
            + v.count("backlog.rows")
            + " outbox rows of "
            + v.count("backlog.payloadBytes")
            + " bytes)");
    line("");
    Double limit = lowerLimit();
    table(
        "| Figure | Events/s | Share of the lower limit | Detail |",
        List.of(
            "| Kafka producer (acks=all, idempotent, 1 KB) | "
                + v.count("kafkaProducerLimit.recordsPerSecond")
                + " | | "
                + v.count("kafkaProducerLimit.records")
                + " records, "
                + v.text("kafkaProducerLimit.mebibytesPerSecond")
                + " MiB/s |",
            "| Logical decoding, server side (pgoutput peek, counted in the server) | "
                + v.count("backlog.logicalDecodingServerSide.1.insertsPerSecond")
                + " | | first run "
                + v.count("backlog.logicalDecodingServerSide.0.insertsPerSecond")
                + "/s |",
            "| Logical decoding to a client (the same peek streamed over JDBC) | "
                + v.count("backlog.logicalDecodingToClient.insertsPerSecond")
                + " | | "
                + v.count("backlog.logicalDecodingToClient.decodedBytes")
                + " bytes |",
            "| **Relay** (Debezium embedded engine, this project) | **"
                + v.count("backlog.relayDrain.eventsPerSecondFromFirstRecord")
                + "** | "
                + ReportValues.percent(relayDrain(), limit)
                + " | "
                + v.text("backlog.relayDrain.secondsFromFirstRecord")
                + " s from the first record; "
                + v.count("backlog.relayDrain.eventsPerSecondIncludingStartup")
                + "/s counting the start |",
            "| Peer: Kafka Connect standalone, same connector and router | "
                + v.count("peers.kafkaConnect.drain.eventsPerSecondFromFirstRecord")
                + " | "
                + ReportValues.percent(
                    v.number("peers.kafkaConnect.drain.eventsPerSecondFromFirstRecord"), limit)
                + " | "
                + v.text("peers.kafkaConnect.drain.secondsFromFirstRecord")
                + " s from the first record; "
                + v.count("peers.kafkaConnect.drain.eventsPerSecondIncludingStartup")
                + "/s counting the worker's start |",
            "| Peer: Spring Modulith JDBC registry + Kafka externalization | "
                + v.count("peers.modulith.drain.eventsPerSecondFromFirstRecord")
                + " | "
                + ReportValues.percent(
                    v.number("peers.modulith.drain.eventsPerSecondFromFirstRecord"), limit)
                + " | "
                + v.text("peers.modulith.drain.secondsFromFirstRecord")
                + " s from the first record; "
                + v.count("peers.modulith.drain.eventsPerSecondIncludingStartup")
                + "/s counting the application's start |"));
  }

  private void steadyCommitToKafka() {
    line("### Steady state, commit → Kafka, relay against the peers");
    line("");
    List<String> rows = new ArrayList<>();
    for (String[] row :
        List.of(
            new String[] {"Relay (outbox rows inserted over JDBC)", "peers.relaySteady"},
            new String[] {
              "Kafka Connect (outbox rows inserted over JDBC)", "peers.kafkaConnect.steady"
            },
            new String[] {
              "Spring Modulith (POST /events, 201 after the commit)", "peers.modulith.steady"
            })) {
      String p = row[1] + ".commitToKafkaMs";
      rows.add(
          "| "
              + row[0]
              + " | "
              + v.text(row[1] + ".targetRatePerSecond")
              + " | "
              + v.ms(p + ".p50")
              + " | "
              + v.ms(p + ".p95")
              + " | "
              + v.ms(p + ".p99")
              + " | "
              + v.ms(p + ".max")
              + " | "
              + v.text(row[1] + ".missingOnKafka")
              + " / "
              + v.text(row[1] + ".duplicatedOnKafka")
              + " |");
    }
    table("| System | Rate/s | p50 ms | p95 ms | p99 ms | max ms | missing / twice |", rows);
  }

  private void endToEnd() {
    line(
        "### Steady state end to end (POST /api/auth/register at a fixed rate; latencies from the account's created_at, taken in its transaction)");
    line("");
    if (!(v.get("steadyState") instanceof Map<?, ?> runs)) {
      line("Not run.");
      line("");
      return;
    }
    List<String> rows = new ArrayList<>();
    for (Object key : runs.keySet()) {
      String base = "steadyState." + key;
      rows.add(
          "| **"
              + v.text(base + ".targetRatePerSecond")
              + "/s** for "
              + v.text(base + ".seconds")
              + " s | api answered "
              + v.text(base + ".registrations.achievedPerSecond")
              + "/s | "
              + v.count(base + ".registrationsCreated")
              + " of "
              + v.count(base + ".registrations.scheduled")
              + " created | "
              + v.count(base + ".registrations.notSentInTime")
              + " not sent in time | | "
              + "all effects within "
              + v.text(base + ".secondsWaitedForLastEffects")
              + " s of the wait: "
              + v.text(base + ".allEffectsArrivedWithinWait")
              + " |");
      rows.add(
          effect(
              base,
              "HTTP latency from the intended send",
              "registrations.latencyFromIntendedSendMs",
              v.text(base + ".registrations.failures") + " failed"));
      rows.add(
          effect(
              base,
              "commit → record on dt.accounts.events",
              "commitToKafkaMs",
              v.text(base + ".missingOnKafka")
                  + " missing, "
                  + v.text(base + ".duplicatedOnKafka")
                  + " twice"));
      rows.add(
          effect(
              base,
              "commit → welcome mail at the SMTP server",
              "commitToWelcomeMailMs",
              v.text(base + ".missingWelcomeMail")
                  + " missing, "
                  + v.text(base + ".duplicatedWelcomeMail")
                  + " twice"));
      rows.add(
          effect(
              base,
              "commit → CRM contact row",
              "commitToCrmContactRowMs",
              v.text(base + ".missingCrmContactRow")
                  + " missing, "
                  + v.text(base + ".duplicatedCrmSignupActivity")
                  + " twice"));
      rows.add(
          effect(
              base,
              "commit → analytics sign-up count",
              "commitToAnalyticsSignupCountMs",
              "counted "
                  + v.count(base + ".signupsCounted")
                  + ", exact: "
                  + v.text(base + ".signupCountExact")));
    }
    table("| Rate | Figure | p50 ms | p95 ms | p99 ms | max ms | Checked |", rows);
    cpu(runs.keySet());
  }

  /**
   * Where the CPU went while the registrations were issued, per component and rate (share of both
   * cores).
   */
  private void cpu(Set<?> rates) {
    String first = "steadyState." + rates.iterator().next() + ".cpuDuringLoad.components";
    if (!(v.get(first) instanceof Map<?, ?> components)) {
      return;
    }
    line(
        "Where the CPU went while the registrations were issued (CPU time as a share of the machine's "
            + v.text("machine.availableProcessors")
            + " cores; from the threads' CPU time in the benchmark JVM, grouped by "
            + "thread name, and PostgreSQL's processes from /proc):");
    line("");
    StringBuilder header = new StringBuilder("| Component |");
    for (Object rate : rates) {
      header
          .append(' ')
          .append(v.text("steadyState." + rate + ".targetRatePerSecond"))
          .append("/s |");
    }
    List<String> rows = new ArrayList<>();
    for (Object component : components.keySet()) {
      StringBuilder row = new StringBuilder("| " + component + " |");
      for (Object rate : rates) {
        Double share =
            v.number(
                "steadyState."
                    + rate
                    + ".cpuDuringLoad.components."
                    + component
                    + ".shareOfMachine");
        row.append(' ').append(share == null ? "–" : Math.round(share * 100) + "%").append(" |");
      }
      rows.add(row.toString());
    }
    StringBuilder total = new StringBuilder("| **all** |");
    for (Object rate : rates) {
      Double share = v.number("steadyState." + rate + ".cpuDuringLoad.shareOfMachineUsed");
      total
          .append(" **")
          .append(share == null ? "–" : Math.round(share * 100) + "%")
          .append("** |");
    }
    rows.add(total.toString());
    table(header.toString(), rows);
  }

  private String effect(String base, String name, String key, String check) {
    String p = base + "." + key;
    return "| | "
        + name
        + " | "
        + v.ms(p + ".p50")
        + " | "
        + v.ms(p + ".p95")
        + " | "
        + v.ms(p + ".p99")
        + " | "
        + v.ms(p + ".max")
        + " | "
        + check
        + " |";
  }

  private void api() {
    line("### API hot paths");
    line("");
    List<String> rows = new ArrayList<>();
    for (String key : List.of("listing", "search", "register")) {
      String p = "api." + key;
      rows.add(
          "| "
              + v.text(p + ".request")
              + " | closed loop, "
              + v.text("api.clients")
              + " clients | "
              + v.count(p + ".requestsPerSecond")
              + " | "
              + v.ms(p + ".latencyMs.p50")
              + " | "
              + v.ms(p + ".latencyMs.p95")
              + " | "
              + v.ms(p + ".latencyMs.p99")
              + " | "
              + v.ms(p + ".latencyMs.max")
              + " | "
              + v.text(p + ".errors")
              + " |");
    }
    String p = "api.searchAtFixedRate";
    rows.add(
        "| "
            + v.text(p + ".request")
            + " | fixed rate "
            + v.text(p + ".targetPerSecond")
            + "/s | "
            + v.count(p + ".achievedPerSecond")
            + " | "
            + v.ms(p + ".latencyFromIntendedSendMs.p50")
            + " | "
            + v.ms(p + ".latencyFromIntendedSendMs.p95")
            + " | "
            + v.ms(p + ".latencyFromIntendedSendMs.p99")
            + " | "
            + v.ms(p + ".latencyFromIntendedSendMs.max")
            + " | "
            + v.text(p + ".failures")
            + " |");
    table("| Request | Load | Requests/s | p50 ms | p95 ms | p99 ms | max ms | Errors |", rows);
  }

  private void sitePages() {
    line(
        "### The site's pages ("
            + v.count("sitePages.publishedBusinessesInTown")
            + " published businesses in the town; "
            + v.text("sitePages.latency")
            + ")");
    line("");
    if (!(v.get("sitePages") instanceof Map<?, ?>)) {
      line("Not run.");
      line("");
      return;
    }
    List<String> rows = new ArrayList<>();
    for (String[] page : SITE_PAGES) {
      String p = "sitePages." + page[0];
      String l = p + ".latencyFromIntendedSendMs";
      rows.add(
          "| "
              + v.text(p + ".request")
              + " | "
              + v.text("sitePages.targetPerSecond")
              + "/s for "
              + v.text("sitePages.seconds")
              + " s | "
              + v.count(p + ".achievedPerSecond")
              + " | "
              + v.ms(l + ".p50")
              + " | "
              + v.ms(l + ".p99")
              + " | "
              + v.ms(l + ".max")
              + " | "
              + v.text(p + ".failures")
              + " | "
              + ReportValues.kib(v.number(p + ".weight.htmlBytesDecoded"))
              + " / "
              + ReportValues.kib(v.number(p + ".weight.htmlBytesServed"))
              + " | "
              + ReportValues.kib(v.number(p + ".weight.pageWeightBytesServed"))
              + " / "
              + ReportValues.kib(v.number(p + ".weight.pageWeightBytesDecoded"))
              + " | "
              + v.ms(p + ".apiCpuMsPerRequest")
              + " / "
              + v.ms(p + ".postgresCpuMsPerRequest")
              + " | "
              + v.text(p + ".weight.requestHosts")
              + " |");
    }
    table(
        "| Page | Load | Requests/s | p50 ms | p99 ms | max ms | Failed | HTML KiB decoded / served | Weight KiB served / decoded "
            + "| CPU ms per request: api / PostgreSQL | Hosts requested |",
        rows);
  }

  private void memory() {
    line("### Peak resident memory per process");
    line("");
    table(
        "| Process | Peak RSS | Method |",
        List.of(
            "| Benchmark JVM: api, relay, consumers, Kafka broker, schema registry, SMTP and S3 servers, load generator | "
                + v.text("memory.vmHWM")
                + " | VmHWM of /proc/self/status at the end |",
            "| PostgreSQL (postmaster and "
                + v.text("memory.postgres.processes")
                + " processes at the end) | "
                + v.count("memory.postgres.pssSumKbNow")
                + " kB PSS now; "
                + v.count("memory.postgres.vmHWMSumKb")
                + " kB summed peaks | sum of PSS (shared memory once) at the end; summed VmHWM is an upper bound |",
            "| Kafka Connect worker (peer) | "
                + v.count("peers.kafkaConnect.peakRssKb")
                + " kB | VmHWM of its process |",
            "| Spring Modulith application (peer) | "
                + v.count("peers.modulith.peakRssKb")
                + " kB | VmHWM of its process |"));
  }
}
