package io.digitaltowns.benchmark.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka Connect worker's and connector's settings for the peer. The connector mirrors the
 * relay's DebeziumOutboxConfig wherever it changes what is read, how it is routed or how fast it is
 * polled; what differs is commented.
 */
final class ConnectPeerSettings {

  static final String WORKER = "worker.properties";
  static final String CONNECTOR = "connector.properties";
  static final String LOGBACK = "logback.xml";

  private final PostgresLogin database;
  private final String bootstrapServers;
  private final Path workDir;

  ConnectPeerSettings(PostgresLogin database, String bootstrapServers, Path workDir) {
    this.database = database;
    this.bootstrapServers = bootstrapServers;
    this.workDir = workDir;
  }

  void write() throws IOException {
    Files.writeString(workDir.resolve(WORKER), format(worker()));
    Files.writeString(workDir.resolve(CONNECTOR), format(connector()));
    Files.writeString(workDir.resolve(LOGBACK), LOGBACK_XML);
  }

  Map<String, String> worker() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("bootstrap.servers", bootstrapServers);
    // the record on Kafka carries the same bytes as the relay's: the key as UTF-8 text, the payload
    // column as is
    p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    p.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    p.put(
        "offset.storage.file.filename",
        workDir.resolve("connect.offsets").toAbsolutePath().toString());
    // as the relay: the slot only advances when offsets are flushed
    p.put("offset.flush.interval.ms", "1000");
    // port 0: other builds on this machine may hold 8083
    p.put("listeners", "http://127.0.0.1:0");
    // The connector and transforms come with ServiceLoader manifests. Without this the worker scans
    // every class of
    // the benchmark's classpath (40 s under load); a real deployment's plugin.path would hold only
    // its plugins.
    p.put("plugin.discovery", "service_load");
    // allows the producer.override.* settings of the connector (the default since Kafka 3.0, said
    // for clarity)
    p.put("connector.client.config.override.policy", "All");
    return p;
  }

  Map<String, String> connector() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", "peer-connect-outbox");
    p.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.put("tasks.max", "1");
    p.put("topic.prefix", KafkaConnectPeer.TOPIC_PREFIX);
    p.put("heartbeat.interval.ms", "5000");
    p.put("poll.interval.ms", "10");

    p.put("database.hostname", database.host());
    p.put("database.port", String.valueOf(database.port()));
    p.put("database.dbname", database.database());
    p.put("database.user", database.user());
    p.put("database.password", database.password());
    p.put("plugin.name", "pgoutput");
    p.put("slot.name", KafkaConnectPeer.SLOT);
    p.put("publication.name", "dt_outbox");
    p.put("publication.autocreate.mode", "disabled");
    p.put("table.include.list", "public.outbox");
    // The slot is created before the backlog; with no offsets Debezium streams from the slot's
    // confirmed position.
    p.put("snapshot.mode", "no_data");
    p.put("tombstones.on.delete", "false");
    p.put("binary.handling.mode", "bytes");

    // Heartbeats pass the Event Router untouched and the ByteArrayConverter cannot write their
    // Struct value: drop
    // them. Connect still hands a dropped record to the task's commitRecord, so Debezium can
    // confirm its position to
    // the slot (what the relay does with heartbeats); only the worker's offset file does not
    // advance with it.
    p.put("predicates", "isHeartbeat");
    p.put(
        "predicates.isHeartbeat.type",
        "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
    p.put("predicates.isHeartbeat.pattern", "__debezium-heartbeat\\..*");
    p.put("transforms", "dropHeartbeat,outbox");
    p.put("transforms.dropHeartbeat.type", "org.apache.kafka.connect.transforms.Filter");
    p.put("transforms.dropHeartbeat.predicate", "isHeartbeat");
    p.put("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
    p.put("transforms.outbox.table.field.event.id", "id");
    p.put("transforms.outbox.table.field.event.key", "aggregate_id");
    p.put("transforms.outbox.table.field.event.payload", "payload");
    p.put("transforms.outbox.route.by.field", "aggregate_type");
    p.put("transforms.outbox.route.topic.replacement", "peer.connect.${routedByValue}.events");
    p.put(
        "transforms.outbox.table.fields.additional.placement",
        "event_type:header:eventType,trace_id:header:traceId,occurred_at:header:occurredAt");

    // the relay's producer (OutboxRelay.producer); Connect's own defaults are max.in.flight 1, no
    // linger
    p.put("producer.override.client.id", "peer-connect");
    p.put("producer.override.acks", "all");
    p.put("producer.override.enable.idempotence", "true");
    p.put("producer.override.max.in.flight.requests.per.connection", "5");
    p.put("producer.override.linger.ms", "5");
    p.put("producer.override.batch.size", "262144");
    p.put("producer.override.delivery.timeout.ms", "60000");
    return p;
  }

  /** java.util.Properties syntax; only the backslash needs escaping in these values. */
  private static String format(Map<String, String> settings) {
    StringBuilder out = new StringBuilder("# written by KafkaConnectPeer\n");
    settings.forEach(
        (key, value) ->
            out.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
    return out.toString();
  }

  private static final String LOGBACK_XML =
      """
      <configuration>
        <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
        </appender>
        <logger name="org.apache.kafka.clients" level="WARN"/>
        <logger name="org.apache.kafka.common" level="WARN"/>
        <logger name="org.reflections" level="ERROR"/>
        <root level="INFO"><appender-ref ref="out"/></root>
      </configuration>
      """;
}
