package io.digitaltowns.infra.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Server properties of a KRaft node that is both broker and controller: alone (the default), or one
 * of a cluster.
 */
final class BrokerProperties {

  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerProperties() {}

  static Properties singleNode(Path logDirectory, int port, int controllerPort) {
    return node(
        NODE_ID, logDirectory, port, controllerPort, NODE_ID + "@localhost:" + controllerPort, 1);
  }

  /**
   * One combined broker and controller of a cluster whose quorum is {@code voters}
   * ("id@host:port,..."); internal topics get {@code replicas} replicas and tolerate one lost
   * replica when there are three or more.
   */
  static Properties node(
      int nodeId, Path logDirectory, int port, int controllerPort, String voters, int replicas) {
    String replicationFactor = Integer.toString(replicas);
    String minInsync = Integer.toString(replicas >= 3 ? replicas - 1 : 1);
    Properties properties = new Properties();
    properties.put("process.roles", "broker,controller");
    properties.put("node.id", Integer.toString(nodeId));
    // A static voter set (rather than a dynamic quorum) keeps the controller address out of the
    // stored
    // metadata, so the stack still starts when a developer changes the ports between runs.
    properties.put("controller.quorum.voters", voters);
    properties.put(
        "listeners",
        "PLAINTEXT://localhost:"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://localhost:"
            + controllerPort);
    properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    properties.put("controller.listener.names", CONTROLLER_LISTENER);
    properties.put("inter.broker.listener.name", "PLAINTEXT");
    properties.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    properties.put("log.dirs", logDirectory.toAbsolutePath().toString());

    // One node: every internal topic has a single replica; a cluster of three keeps them on all
    // three, writable
    // with one of them down.
    properties.put("offsets.topic.replication.factor", replicationFactor);
    properties.put("transaction.state.log.replication.factor", replicationFactor);
    properties.put("transaction.state.log.min.isr", minInsync);
    properties.put("share.coordinator.state.topic.replication.factor", replicationFactor);
    properties.put("share.coordinator.state.topic.min.isr", minInsync);
    properties.put("min.insync.replicas", minInsync);
    properties.put("default.replication.factor", replicationFactor);

    // Topics are declared in code (Topics.all()); a typo must fail instead of creating a stray
    // topic.
    properties.put("auto.create.topics.enable", "false");
    properties.put("group.initial.rebalance.delay.ms", "0");

    // Sized for a 2-core laptop and a 1 GB test heap rather than for production throughput.
    properties.put("offsets.topic.num.partitions", "5");
    properties.put("transaction.state.log.num.partitions", "5");
    properties.put("num.partitions", "1");
    properties.put("num.network.threads", "2");
    properties.put("num.io.threads", "4");
    properties.put("num.recovery.threads.per.data.dir", "1");
    properties.put("log.cleaner.threads", "1");
    properties.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    properties.put("controlled.shutdown.enable", "true");
    return properties;
  }
}
