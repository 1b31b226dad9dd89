package io.digitaltowns.benchmark.peers;

import io.digitaltowns.benchmark.SystemUnderTest;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.wire.AvroEventSerializer;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.LocalStackSettings;
import io.digitaltowns.stack.LocalSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries peer (a) alone: the Kafka Connect worker drains a backlog of benchmark outbox rows, then
 * carries a steady fixed-rate load. The whole system is started for Flyway (outbox table,
 * publication) and its serializer; our relay is stopped so that only the peer decodes. Sizes:
 * -Dbench.backlog, -Dbench.steadyRate, -Dbench.steadySeconds; -Dbench.compareRelay=true then runs
 * our relay on the same rows and the same load.
 */
public final class KafkaConnectPeerTrial {

  private static final int BACKLOG = Integer.getInteger("bench.backlog", 100_000);
  private static final int STEADY_RATE = Integer.getInteger("bench.steadyRate", 200);
  private static final int STEADY_SECONDS = Integer.getInteger("bench.steadySeconds", 30);

  /**
   * Then our relay on the same rows, for a side-by-side on the same machine state (not the final
   * figures).
   */
  private static final boolean COMPARE_RELAY = Boolean.getBoolean("bench.compareRelay");

  private static final String RELAY_TOPIC = "dt.bench.events";

  private KafkaConnectPeerTrial() {}

  public static void main(String[] args) throws Exception {
    SystemUnderTest.trustEventPackages();
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench").resolve("peer-connect");
    Files.createDirectories(out);
    int code = 0;
    Map<String, Object> report = new LinkedHashMap<>();
    try (LocalStack stack = LocalStack.start(LocalStackSettings.ephemeral());
        LocalSystem system = LocalSystem.start(stack, SystemUnderTest.settings())) {
      system.stopRelay();
      PostgresLogin database =
          new PostgresLogin(stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword());
      BenchOutboxRows rows = new BenchOutboxRows(system.api().getBean(AvroEventSerializer.class));
      String kafka = stack.kafkaBootstrapServers();
      try (KafkaConnectPeer peer =
          KafkaConnectPeer.prepare(
              stack.jdbcUrl(), stack.databaseUser(), stack.databasePassword(), kafka, out)) {
        report.put("backlogInsert", new OutboxBacklog(database, rows).insert(BACKLOG));
        print("backlog inserted", report.get("backlogInsert"));
        try (TopicDrainWatch watch =
            TopicDrainWatch.before(kafka, KafkaConnectPeer.TOPIC, BACKLOG)) {
          report.put("drain", watch.drain(peer::start, Duration.ofMinutes(6)));
        }
        print("drain", report.get("drain"));
        report.put(
            "recordBytes", RecordBytesCheck.sample(database, kafka, KafkaConnectPeer.TOPIC, 20));
        print("record bytes", report.get("recordBytes"));
        report.put("peakRssKbAfterDrain", peer.peakRssKb());
        report.put(
            "steady",
            new FixedRateOutboxLoad(database, rows, kafka)
                .run(KafkaConnectPeer.TOPIC, STEADY_RATE, STEADY_SECONDS, Duration.ofSeconds(60)));
        print("steady", report.get("steady"));
        Thread.sleep(2_000); // one offset flush: the slot should then have confirmed everything
        report.put("slotAfterSteady", peer.slotState());
        report.put("peakRssKb", peer.peakRssKb());
        peer.stop();
        report.put("peakRssKbAfterStop", peer.peakRssKb());
      }
      if (COMPARE_RELAY) {
        report.put(
            "relay",
            relayOnTheSameRows(
                system,
                database,
                rows,
                kafka,
                BACKLOG
                    + ((Number) ((Map<?, ?>) report.get("steady")).get("rowsCommitted"))
                        .intValue()));
      }
    } catch (Throwable e) {
      e.printStackTrace();
      report.put("error", String.valueOf(e));
      code = 1;
    }
    print("report", report);
    System.exit(code);
  }

  /**
   * Our relay, stopped since before the backlog: it drains backlog and steady rows, then carries
   * the same load.
   */
  private static Map<String, Object> relayOnTheSameRows(
      LocalSystem system, PostgresLogin database, BenchOutboxRows rows, String kafka, int pending)
      throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    TopicCreator.ensure(
        kafka,
        List.of(
            new TopicDefinition(RELAY_TOPIC, 3, (short) 1, Map.of("min.insync.replicas", "1"))));
    PartitionLeaders.awaitAndPrime(kafka, RELAY_TOPIC);
    try (TopicDrainWatch watch = TopicDrainWatch.before(kafka, RELAY_TOPIC, pending)) {
      result.put("drain", watch.drain(system::startRelay, Duration.ofMinutes(6)));
    }
    print("relay drain", result.get("drain"));
    result.put("recordBytes", RecordBytesCheck.sample(database, kafka, RELAY_TOPIC, 20));
    print("relay record bytes", result.get("recordBytes"));
    result.put(
        "steady",
        new FixedRateOutboxLoad(database, rows, kafka)
            .run(RELAY_TOPIC, STEADY_RATE, STEADY_SECONDS, Duration.ofSeconds(60)));
    print("relay steady", result.get("steady"));
    return result;
  }

  private static void print(String what, Object value) {
    System.out.println("[peer-connect] " + what + ": " + value);
  }
}
