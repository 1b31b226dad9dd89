package io.digitaltowns.ops.topics;

import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.KafkaOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Report topics that are missing or differ from their definition (partitions, replication factor, "
            + "configs) and what `topics create` would do. Changes nothing; exits 3 when something differs.")
public class TopicsCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin DefinitionOptions definitions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = kafka.admin()) {
      Map<TopicDefinition, List<TopicStep>> survey =
          TopicSurvey.survey(admin, definitions.definitions());
      int differing = TopicReport.print(out, survey);
      if (differing == 0) {
        out.println("All " + survey.size() + " topics are as defined.");
        return OpsExit.OK;
      }
      out.println(
          differing
              + " of "
              + survey.size()
              + " topics differ; `ops topics create` applies the plan.");
      return OpsExit.DIFFERENCES;
    }
  }
}
