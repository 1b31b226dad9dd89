package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import java.util.TreeMap;

/**
 * One thing that differs between a topic on the cluster and its definition, and what fixing it
 * takes.
 */
sealed interface TopicStep {

  String topic();

  /** What is wrong and what would be done about it. */
  String describe();

  record Create(TopicDefinition definition) implements TopicStep {
    @Override
    public String topic() {
      return definition.name();
    }

    @Override
    public String describe() {
      return "missing: create with "
          + definition.partitions()
          + " partitions, replication factor "
          + definition.replicationFactor()
          + ", "
          + new TreeMap<>(definition.configs());
    }
  }

  /**
   * Adding partitions moves keys to other partitions: ordering per aggregate breaks for keys in
   * flight.
   */
  record AddPartitions(String topic, int current, int wanted) implements TopicStep {
    @Override
    public String describe() {
      return "has "
          + current
          + " partitions, needs "
          + wanted
          + ": add partitions (only with --increase-partitions: keys move to other partitions)";
    }
  }

  record SetConfig(String topic, String key, String current, String wanted) implements TopicStep {
    @Override
    public String describe() {
      return "config "
          + key
          + " is "
          + (current == null ? "unset" : current)
          + ", needs "
          + wanted
          + ": set it";
    }
  }

  /**
   * Something this tool will not change (fewer partitions, a replication factor): an operator
   * decides.
   */
  record Manual(String topic, String problem) implements TopicStep {
    @Override
    public String describe() {
      return problem + "; not changed by this tool";
    }
  }
}
