package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.KafkaOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Create missing topics and set configs that differ from their definition. "
            + "Partitions are only added with --increase-partitions; replication factors and surplus partitions "
            + "are reported, never changed. Exits 3 when differences remain that need an operator.")
public class TopicsCreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin DefinitionOptions definitions;

  @Option(names = "--dry-run", description = "Print the plan, change nothing.")
  boolean dryRun;

  @Option(
      names = "--increase-partitions",
      description =
          "Also add partitions to topics that have fewer than defined. Keys then hash to other "
              + "partitions: per-aggregate order is only kept for events written after the change.")
  boolean increasePartitions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = kafka.admin()) {
      Map<TopicDefinition, List<TopicStep>> survey =
          TopicSurvey.survey(admin, definitions.definitions());
      List<TopicStep> steps = survey.values().stream().flatMap(Collection::stream).toList();
      if (steps.isEmpty()) {
        out.println("All " + survey.size() + " topics are as defined; nothing to do.");
        return OpsExit.OK;
      }
      if (dryRun) {
        out.println("Plan (dry run, nothing changed):");
        TopicReport.print(out, survey);
        return OpsExit.OK;
      }
      List<TopicStep> left = apply(admin, steps, out);
      if (left.isEmpty()) {
        out.println("All " + survey.size() + " topics are now as defined.");
        return OpsExit.OK;
      }
      out.println("Left for an operator:");
      left.forEach(step -> out.println("  " + step.topic() + ": " + step.describe()));
      return OpsExit.DIFFERENCES;
    }
  }

  private List<TopicStep> apply(Admin admin, List<TopicStep> steps, PrintWriter out)
      throws Exception {
    List<TopicStep> left = new ArrayList<>();
    List<NewTopic> creations = new ArrayList<>();
    Map<ConfigResource, Collection<AlterConfigOp>> configChanges = new HashMap<>();
    Map<String, NewPartitions> partitionIncreases = new HashMap<>();
    for (TopicStep step : steps) {
      if (step instanceof TopicStep.Create create) {
        creations.add(
            new NewTopic(
                    create.definition().name(),
                    create.definition().partitions(),
                    create.definition().replicationFactor())
                .configs(create.definition().configs()));
      } else if (step instanceof TopicStep.SetConfig set) {
        configChanges
            .computeIfAbsent(
                new ConfigResource(ConfigResource.Type.TOPIC, set.topic()),
                topic -> new ArrayList<>())
            .add(
                new AlterConfigOp(
                    new ConfigEntry(set.key(), set.wanted()), AlterConfigOp.OpType.SET));
      } else if (step instanceof TopicStep.AddPartitions add && increasePartitions) {
        partitionIncreases.put(add.topic(), NewPartitions.increaseTo(add.wanted()));
      } else {
        left.add(step);
      }
    }
    if (!creations.isEmpty()) {
      var result = admin.createTopics(creations);
      for (NewTopic topic : creations) {
        result.values().get(topic.name()).get(TopicSurvey.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        out.println(
            "created "
                + topic.name()
                + " ("
                + topic.numPartitions()
                + " partitions, replication factor "
                + topic.replicationFactor()
                + ")");
      }
    }
    if (!configChanges.isEmpty()) {
      admin
          .incrementalAlterConfigs(configChanges)
          .all()
          .get(TopicSurvey.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      configChanges.forEach(
          (resource, ops) ->
              ops.forEach(
                  op ->
                      out.println(
                          "set "
                              + resource.name()
                              + " "
                              + op.configEntry().name()
                              + "="
                              + op.configEntry().value())));
    }
    if (!partitionIncreases.isEmpty()) {
      admin
          .createPartitions(partitionIncreases)
          .all()
          .get(TopicSurvey.TIMEOUT_SECONDS, TimeUnit.SECONDS);
      partitionIncreases.forEach(
          (topic, partitions) ->
              out.println("increased " + topic + " to " + partitions.totalCount() + " partitions"));
    }
    out.flush();
    return left;
  }
}
