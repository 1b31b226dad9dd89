package io.digitaltowns.infra.kafka;

/**
 * The local stack's Kafka: one broker in this JVM ({@link KafkaBroker}) or a cluster of child
 * processes ({@link KafkaCluster}).
 */
public interface KafkaServers {

  void start();

  void stop();

  boolean isRunning();

  String bootstrapServers();

  /** How many brokers hold replicas: the highest replication factor a topic can have. */
  int brokerCount();
}
