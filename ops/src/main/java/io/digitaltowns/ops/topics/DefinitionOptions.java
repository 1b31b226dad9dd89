package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.TopicReplication;
import io.digitaltowns.events.catalog.Topics;
import java.util.List;
import picocli.CommandLine.Option;

/** The topic definitions, with the replication the cluster is configured for. */
class DefinitionOptions {

  @Option(
      names = "--replication-factor",
      paramLabel = "<n>",
      defaultValue = "${env:KAFKA_REPLICATION_FACTOR}",
      description =
          "Replication factor to expect and create with (env KAFKA_REPLICATION_FACTOR; default 1, "
              + "one broker's; 3 on a cluster).")
  Short replicationFactor;

  @Option(
      names = "--min-insync-replicas",
      paramLabel = "<n>",
      defaultValue = "${env:KAFKA_MIN_INSYNC_REPLICAS}",
      description =
          "min.insync.replicas to expect and set (env KAFKA_MIN_INSYNC_REPLICAS; default one less than "
              + "the replication factor, at least 1: 2 with 3 replicas).")
  Integer minInsyncReplicas;

  @Option(
      names = "--topic",
      paramLabel = "<name>",
      description = "Only this topic (repeatable); default: every topic the system needs.")
  List<String> only;

  List<TopicDefinition> definitions() {
    List<TopicDefinition> all =
        Topics.all(TopicReplication.configured(replicationFactor, minInsyncReplicas));
    List<TopicDefinition> selected = all;
    if (only != null && !only.isEmpty()) {
      List<String> unknown =
          only.stream()
              .filter(name -> all.stream().noneMatch(definition -> definition.name().equals(name)))
              .toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("not a topic the system defines: " + unknown);
      }
      selected = all.stream().filter(definition -> only.contains(definition.name())).toList();
    }
    return selected;
  }
}
