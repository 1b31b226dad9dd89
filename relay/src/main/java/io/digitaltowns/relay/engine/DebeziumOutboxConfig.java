package io.digitaltowns.relay.engine;

import io.digitaltowns.relay.RelayProperties;
import java.util.Properties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/** Builds the Debezium engine settings: PostgreSQL connector, pgoutput, Outbox Event Router. */
final class DebeziumOutboxConfig {

  private DebeziumOutboxConfig() {}

  static Properties build(RelayProperties relay, DataSourceProperties database) {
    PostgresConnection connection = PostgresConnection.fromJdbcUrl(database.getUrl());
    Properties p = new Properties();
    p.setProperty("name", "digitaltowns-outbox-relay");
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("topic.prefix", "dt");

    // Position kept in the same database, committed only for records Kafka acknowledged.
    p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
    p.setProperty("offset.storage.jdbc.connection.url", database.getUrl());
    p.setProperty("offset.storage.jdbc.connection.user", database.getUsername());
    p.setProperty("offset.storage.jdbc.connection.password", nullToEmpty(database.getPassword()));
    p.setProperty("offset.storage.jdbc.table.name", relay.offsetsTable());
    // Short flush interval: the slot only advances (and WAL is only freed) when offsets are
    // flushed,
    // and a crash re-sends at most this much.
    p.setProperty("offset.flush.interval.ms", "1000");
    // Without heartbeats the slot's confirmed position stops at the last event relayed before a
    // quiet spell:
    // WAL written by other tables piles up behind it and that last event looks unrelayed to `ops
    // outbox status`.
    // Heartbeat records (topic __debezium-heartbeat.dt) are not published, only committed.
    p.setProperty("heartbeat.interval.ms", "5000");
    // Debezium sleeps this long twice when idle: reading the replication stream and polling its
    // queue. Its 500 ms
    // default was most of the commit→Kafka latency at steady load, 50 ms still made a p50 of about
    // 50 ms; 10 ms
    // (the default here) costs about a tenth of a core while nothing happens (docs/benchmarks.md).
    p.setProperty("poll.interval.ms", String.valueOf(Math.max(1, relay.pollInterval().toMillis())));

    p.setProperty("database.hostname", connection.host());
    p.setProperty("database.port", String.valueOf(connection.port()));
    p.setProperty("database.dbname", connection.database());
    p.setProperty("database.user", database.getUsername());
    p.setProperty("database.password", nullToEmpty(database.getPassword()));
    // TLS as the database URL asks for it (sslmode=require on Render's external URLs, verify-full
    // with a root
    // certificate, a client certificate): the same for the replication stream as for the relay's
    // other connections
    PostgresSsl.fromJdbcUrl(database.getUrl()).settings().forEach(p::setProperty);
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", relay.slotName());
    p.setProperty("publication.name", relay.publicationName());
    p.setProperty("publication.autocreate.mode", "disabled");
    p.setProperty("table.include.list", "public.outbox");
    // The first start (no offsets yet) also picks up rows written before the slot existed.
    p.setProperty("snapshot.mode", "initial");
    p.setProperty("tombstones.on.delete", "false");
    p.setProperty("binary.handling.mode", "bytes");

    p.setProperty("transforms", "outbox");
    p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
    p.setProperty("transforms.outbox.table.field.event.id", "id");
    p.setProperty("transforms.outbox.table.field.event.key", "aggregate_id");
    p.setProperty("transforms.outbox.table.field.event.payload", "payload");
    // the row names its topic (the api takes it from the typed catalog): the relay applies no
    // naming convention
    p.setProperty("transforms.outbox.route.by.field", "topic");
    p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
    p.setProperty(
        "transforms.outbox.table.fields.additional.placement",
        "event_type:header:eventType,trace_id:header:traceId,occurred_at:header:occurredAt");
    return p;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
