package io.digitaltowns.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka cluster on this machine: N combined broker and controller KRaft nodes, each a child
 * {@code java} process with its own ports and data directory, one cluster id, and a controller
 * quorum of all N. Being separate processes, a node can be killed (SIGKILL), restarted on its data,
 * or paused (SIGSTOP) and resumed (SIGCONT), which is what the fault tests do to it.
 */
public final class KafkaCluster implements KafkaServers {

  private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(15);

  /** Fresh admin clients start at a random node, so four answers in a row come from several. */
  private static final int ANSWERS_THAT_AGREE = 4;

  /**
   * A follower that has not caught up for this long leaves the ISR. Kafka's default is 30 s; 10 s
   * lets a test that pauses a broker see it dropped without waiting half a minute, and is still far
   * above a healthy follower's lag.
   */
  private static final String REPLICA_LAG_MAX_MS = "10000";

  private final Path dataDirectory;
  private final Map<Integer, KafkaNodeProcess> nodes = new LinkedHashMap<>();
  private boolean running;

  /** Node ids are 1..N in the order of {@code ports}. */
  public KafkaCluster(Path dataDirectory, List<KafkaNodePorts> ports) {
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("a cluster needs at least one node");
    }
    this.dataDirectory = dataDirectory;
    String voters = voters(ports);
    for (int i = 0; i < ports.size(); i++) {
      int nodeId = i + 1;
      Path directory = dataDirectory.resolve("node-" + nodeId);
      Properties properties =
          BrokerProperties.node(
              nodeId,
              directory.resolve("data"),
              ports.get(i).port(),
              ports.get(i).controllerPort(),
              voters,
              ports.size());
      properties.put("replica.lag.time.max.ms", REPLICA_LAG_MAX_MS);
      nodes.put(nodeId, new KafkaNodeProcess(nodeId, directory, ports.get(i), properties));
    }
  }

  /** Starts every node and returns once all of them are registered brokers. */
  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    String clusterId = clusterId();
    nodes.values().forEach(node -> node.prepare(clusterId));
    nodes.values().forEach(KafkaNodeProcess::start);
    try {
      awaitBrokers(nodes.keySet());
    } catch (RuntimeException e) {
      stopAll();
      throw e;
    }
    running = true;
    log.debug(
        "Kafka cluster {} of {} nodes started on {}", clusterId, nodes.size(), bootstrapServers());
  }

  /**
   * Stops every node (controlled shutdown, all at once so the quorum is not waited on node by
   * node).
   */
  @Override
  public synchronized void stop() {
    stopAll();
    running = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  @Override
  public int brokerCount() {
    return nodes.size();
  }

  /** Every node's client address: a client that finds one of them down uses another. */
  @Override
  public String bootstrapServers() {
    return nodes.values().stream()
        .map(KafkaNodeProcess::bootstrapServer)
        .collect(Collectors.joining(","));
  }

  /**
   * The nodes that can answer: a paused (SIGSTOPped) node still accepts connections in the kernel
   * but never replies, so an admin client bootstrapping from it waits out its timeout.
   */
  private String answeringBootstrapServers() {
    String answering =
        nodes.values().stream()
            .filter(node -> node.isAlive() && !node.isPaused())
            .map(KafkaNodeProcess::bootstrapServer)
            .collect(Collectors.joining(","));
    return answering.isEmpty() ? bootstrapServers() : answering;
  }

  public List<Integer> nodeIds() {
    return List.copyOf(nodes.keySet());
  }

  public KafkaNodePorts ports(int nodeId) {
    return node(nodeId).ports();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * The node's log (its console output: warnings, start and stop), for a test that failed to look
   * at.
   */
  public Path logFile(int nodeId) {
    return node(nodeId).logFile();
  }

  public long pid(int nodeId) {
    return node(nodeId).pid();
  }

  public boolean isAlive(int nodeId) {
    return node(nodeId).isAlive();
  }

  /** SIGKILL (ProcessHandle.destroyForcibly): the node dies with whatever it had not flushed. */
  public void kill(int nodeId) {
    node(nodeId).kill();
  }

  /**
   * Starts a killed or stopped node again on its own ports and data directory; returns once it is a
   * broker again.
   */
  public void restart(int nodeId) {
    KafkaNodeProcess node = node(nodeId);
    node.start();
    awaitNodeServing(node);
  }

  /**
   * SIGSTOP: the node keeps its ports and connections but answers nothing until {@link
   * #resume(int)}.
   */
  public void pause(int nodeId) {
    node(nodeId).pause();
  }

  /** SIGCONT after {@link #pause(int)}. */
  public void resume(int nodeId) {
    node(nodeId).resume();
  }

  /** The node id of the active controller (the KRaft quorum's leader). */
  public int activeControllerId() {
    return withAdmin(
        admin ->
            admin
                .describeMetadataQuorum()
                .quorumInfo()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .leaderId());
  }

  /** The node id leading the partition, or -1 while it has no leader. */
  public int leaderOf(TopicPartition partition) {
    TopicPartitionInfo info = partitionInfo(partition);
    Node leader = info.leader();
    return leader == null || leader.isEmpty() ? -1 : leader.id();
  }

  /** The node ids of the partition's in-sync replicas. */
  public Set<Integer> inSyncReplicas(TopicPartition partition) {
    return partitionInfo(partition).isr().stream().map(Node::id).collect(Collectors.toSet());
  }

  /**
   * Waits until every partition of the given topics has all its replicas in sync (after a restart,
   * a resume), as several answers in a row say. One answer is not enough: a broker just resumed
   * answers from the metadata it had when it was paused, which still lists it in sync, until it has
   * caught up with the controller.
   */
  public void awaitFullyReplicated(Collection<String> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> lagging = List.of();
    int agreeingAnswers = 0;
    while (System.nanoTime() < deadline) {
      lagging = underReplicated(topics);
      agreeingAnswers = lagging.isEmpty() ? agreeingAnswers + 1 : 0;
      if (agreeingAnswers == ANSWERS_THAT_AGREE) {
        return;
      }
      sleepBriefly();
    }
    throw new IllegalStateException(
        "partitions still under-replicated after " + timeout + ": " + lagging);
  }

  private List<String> underReplicated(Collection<String> topics) {
    Map<String, TopicDescription> descriptions =
        withAdmin(
            admin ->
                admin
                    .describeTopics(topics)
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    List<String> lagging = new ArrayList<>();
    descriptions.forEach(
        (topic, description) ->
            description
                .partitions()
                .forEach(
                    partition -> {
                      if (partition.isr().size() < partition.replicas().size()) {
                        lagging.add(topic + "-" + partition.partition());
                      }
                    }));
    return lagging;
  }

  private TopicPartitionInfo partitionInfo(TopicPartition partition) {
    TopicDescription description =
        withAdmin(
            admin ->
                admin
                    .describeTopics(List.of(partition.topic()))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(partition.topic()));
    return description.partitions().stream()
        .filter(info -> info.partition() == partition.partition())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no partition " + partition));
  }

  private KafkaNodeProcess node(int nodeId) {
    KafkaNodeProcess node = nodes.get(nodeId);
    if (node == null) {
      throw new IllegalArgumentException(
          "no Kafka node " + nodeId + " (nodes are " + nodes.keySet() + ")");
    }
    return node;
  }

  private void stopAll() {
    nodes.values().forEach(KafkaNodeProcess::beginStop);
    nodes.values().forEach(KafkaNodeProcess::awaitStopped);
  }

  /**
   * The id the nodes were formatted with, so that a restart of the whole cluster keeps it; a new
   * one otherwise.
   */
  private String clusterId() {
    for (KafkaNodeProcess node : nodes.values()) {
      Path meta = node.logDirectory().resolve("meta.properties");
      if (Files.exists(meta)) {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(meta)) {
          properties.load(in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + meta, e);
        }
        return properties.getProperty("cluster.id");
      }
    }
    return Uuid.randomUuid().toString();
  }

  private void awaitBrokers(Set<Integer> expected) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      failIfAnyNodeDied();
      try {
        Set<Integer> registered =
            withAdmin(
                admin ->
                    admin
                        .describeCluster()
                        .nodes()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .stream()
                        .map(Node::id)
                        .collect(Collectors.toSet()));
        if (registered.containsAll(expected)) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // the quorum is still electing its first leader
      }
      sleepBriefly();
    }
    throw new IllegalStateException(
        "the Kafka cluster did not start within "
            + READY_TIMEOUT
            + "; see "
            + dataDirectory
            + "/node-*/broker.log");
  }

  /**
   * A restarted node is serving once it answers a metadata request itself and lists itself as a
   * broker.
   */
  private void awaitNodeServing(KafkaNodeProcess node) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!node.isAlive()) {
        throw new IllegalStateException(
            "Kafka node " + node.nodeId() + " exited; see " + node.logFile());
      }
      try (Admin admin = admin(node.bootstrapServer())) {
        boolean listed =
            admin
                .describeCluster()
                .nodes()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .stream()
                .anyMatch(listedNode -> listedNode.id() == node.nodeId());
        if (listed) {
          return;
        }
      } catch (ExecutionException | TimeoutException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while waiting for Kafka node " + node.nodeId(), e);
      }
      sleepBriefly();
    }
    throw new IllegalStateException(
        "Kafka node "
            + node.nodeId()
            + " did not serve within "
            + READY_TIMEOUT
            + "; see "
            + node.logFile());
  }

  private void failIfAnyNodeDied() {
    for (KafkaNodeProcess node : nodes.values()) {
      if (!node.isAlive()) {
        throw new IllegalStateException(
            "Kafka node " + node.nodeId() + " exited while starting; see " + node.logFile());
      }
    }
  }

  private <T> T withAdmin(AdminCall<T> call) {
    try (Admin admin = admin(answeringBootstrapServers())) {
      return call.apply(admin);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka cluster did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the Kafka cluster", e);
    }
  }

  private static Admin admin(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "local-cluster",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) ADMIN_TIMEOUT.toMillis()));
  }

  private static String voters(List<KafkaNodePorts> ports) {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      voters.add((i + 1) + "@localhost:" + ports.get(i).controllerPort());
    }
    return String.join(",", voters);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka cluster", e);
    }
  }

  @FunctionalInterface
  private interface AdminCall<T> {
    T apply(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
  }
}
