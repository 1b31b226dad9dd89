package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/** Reads the cluster and lists, per defined topic, what differs from its definition. */
final class TopicSurvey {

  static final long TIMEOUT_SECONDS = 30;

  private TopicSurvey() {}

  /**
   * Every defined topic, in definition order, with its differences (none: the topic is as it should
   * be).
   */
  static Map<TopicDefinition, List<TopicStep>> survey(
      Admin admin, List<TopicDefinition> definitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<String> present =
        definitions.stream().map(TopicDefinition::name).filter(existing::contains).toList();
    Map<String, TopicDescription> descriptions =
        present.isEmpty()
            ? Map.of()
            : admin.describeTopics(present).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<ConfigResource, Config> configs =
        present.isEmpty()
            ? Map.of()
            : admin
                .describeConfigs(
                    present.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .toList())
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    Map<TopicDefinition, List<TopicStep>> survey = new LinkedHashMap<>();
    for (TopicDefinition definition : definitions) {
      List<TopicStep> steps = new ArrayList<>();
      TopicDescription description = descriptions.get(definition.name());
      if (description == null) {
        steps.add(new TopicStep.Create(definition));
      } else {
        comparePartitions(definition, description, steps);
        compareConfigs(
            definition,
            configs.get(new ConfigResource(ConfigResource.Type.TOPIC, definition.name())),
            steps);
      }
      survey.put(definition, steps);
    }
    return survey;
  }

  private static void comparePartitions(
      TopicDefinition definition, TopicDescription description, List<TopicStep> steps) {
    int partitions = description.partitions().size();
    if (partitions < definition.partitions()) {
      steps.add(
          new TopicStep.AddPartitions(definition.name(), partitions, definition.partitions()));
    } else if (partitions > definition.partitions()) {
      steps.add(
          new TopicStep.Manual(
              definition.name(),
              "has "
                  + partitions
                  + " partitions, the definition says "
                  + definition.partitions()
                  + ": partitions cannot be removed"));
    }
    int replication = replicationFactor(description.partitions());
    if (replication != definition.replicationFactor()) {
      // below the configured factor, an acknowledged write is on fewer brokers than the operator
      // planned for
      String relation =
          replication < definition.replicationFactor()
              ? "below the configured "
              : "the configuration says ";
      steps.add(
          new TopicStep.Manual(
              definition.name(),
              "replication factor is "
                  + replication
                  + ", "
                  + relation
                  + definition.replicationFactor()
                  + ": change it with a partition reassignment"));
    }
  }

  private static int replicationFactor(Collection<TopicPartitionInfo> partitions) {
    return partitions.stream().mapToInt(partition -> partition.replicas().size()).min().orElse(0);
  }

  private static void compareConfigs(
      TopicDefinition definition, Config actual, List<TopicStep> steps) {
    definition.configs().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            wanted -> {
              ConfigEntry entry = actual == null ? null : actual.get(wanted.getKey());
              String current = entry == null ? null : entry.value();
              if (!wanted.getValue().equals(current)) {
                steps.add(
                    new TopicStep.SetConfig(
                        definition.name(), wanted.getKey(), current, wanted.getValue()));
              }
            });
  }
}
