package io.digitaltowns.infra.registry;

import io.digitaltowns.events.catalog.TopicReplication;
import io.digitaltowns.infra.http.JsonHttpServer;

/**
 * A Confluent-compatible schema registry endpoint (Avro only) for the local stack and the tests.
 * Its state lives in the compacted Kafka topic {@code _schemas}: a restarted registry, or a second
 * one over the same cluster, answers with the same ids and versions.
 *
 * <p>Deviations from Confluent: no schema references, no deletes, no modes/contexts; {@code GET
 * /config/{subject}} on a subject without its own level answers 404 (40408) like Confluent, unless
 * {@code ?defaultToGlobal=true} is given.
 */
public final class SchemaRegistryServer {

  private final String bootstrapServers;
  private final int port;
  private final TopicReplication replication;
  private SchemaRegistry registry;
  private JsonHttpServer http;

  public SchemaRegistryServer(String bootstrapServers, int port) {
    this(bootstrapServers, port, TopicReplication.SINGLE_BROKER);
  }

  public SchemaRegistryServer(String bootstrapServers, int port, TopicReplication replication) {
    this.bootstrapServers = bootstrapServers;
    this.port = port;
    this.replication = replication;
  }

  /** Creates {@code _schemas} if missing, replays it, then listens. */
  public synchronized void start() {
    if (http != null) {
      return;
    }
    SchemaRegistry starting = new SchemaRegistry(new SchemaLog(bootstrapServers, replication));
    JsonHttpServer server =
        new JsonHttpServer("schema-registry", port, new RegistryHttpApi(starting));
    try {
      server.start();
    } catch (RuntimeException e) {
      starting.close();
      throw e;
    }
    registry = starting;
    http = server;
  }

  public synchronized void stop() {
    if (http == null) {
      return;
    }
    try {
      http.stop();
      registry.close();
    } finally {
      http = null;
      registry = null;
    }
  }

  public synchronized boolean isRunning() {
    return http != null;
  }

  public String url() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public static String topic() {
    return SchemaLog.TOPIC;
  }
}
