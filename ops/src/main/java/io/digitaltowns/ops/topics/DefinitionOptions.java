package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.Topics;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** The topic definitions, with an optional replication factor for a multi-broker cluster. */
class DefinitionOptions {

  @Option(names = "--replication-factor", paramLabel = "<n>", defaultValue = "${env:TOPIC_REPLICATION_FACTOR}",
      description = "Replication factor to expect and create with, instead of the definitions' "
          + "(they are written for the single-node local stack; env TOPIC_REPLICATION_FACTOR).")
  Short replicationFactor;

  @Option(names = "--topic", paramLabel = "<name>",
      description = "Only this topic (repeatable); default: every topic the system needs.")
  List<String> only;

  List<TopicDefinition> definitions() {
    UnaryOperator<TopicDefinition> adjust = replicationFactor == null ? UnaryOperator.identity()
        : definition -> definition.withReplicationFactor(replicationFactor);
    List<TopicDefinition> all = Topics.all();
    List<TopicDefinition> selected = all;
    if (only != null && !only.isEmpty()) {
      List<String> unknown = only.stream()
          .filter(name -> all.stream().noneMatch(definition -> definition.name().equals(name))).toList();
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("not a topic the system defines: " + unknown);
      }
      selected = all.stream().filter(definition -> only.contains(definition.name())).toList();
    }
    return selected.stream().map(adjust).toList();
  }
}
