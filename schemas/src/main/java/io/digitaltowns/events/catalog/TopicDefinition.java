package io.digitaltowns.events.catalog;

import java.util.Map;

/** A topic as it should exist on the cluster. */
public record TopicDefinition(
    String name, int partitions, short replicationFactor, Map<String, String> configs) {

  public TopicDefinition {
    configs = Map.copyOf(configs);
  }

  public TopicDefinition withPartitions(int partitions) {
    return new TopicDefinition(name, partitions, replicationFactor, configs);
  }

  public TopicDefinition withReplicationFactor(short replicationFactor) {
    return new TopicDefinition(name, partitions, replicationFactor, configs);
  }
}
