package io.digitaltowns.ops.dlt;

import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.KafkaOptions;
import io.digitaltowns.ops.console.Table;
import io.digitaltowns.platform.deadletters.RedriveLedger;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Delete dead-lettered records before retention does (Kafka deleteRecords: the start of each "
          + "partition moves forward).",
      "By default only the records already redriven (below the redrive offset of each partition); with --all "
          + "every record, redriven or not."
    })
public class DltPurgeCommand implements Callable<Integer> {

  private static final long TIMEOUT_SECONDS = 30;

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin RedriveGroupOption redrive;

  @Parameters(index = "0", paramLabel = "<dlt-topic>")
  String topic;

  @Option(
      names = "--all",
      description = "Delete every record, also those never redriven: they are lost.")
  boolean all;

  @Option(names = "--dry-run", description = "Print what would be deleted, delete nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = kafka.admin()) {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(redrive.group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

      Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
      Table plan = new Table("PARTITION", "FROM", "BEFORE", "RECORDS", "OF WHICH NOT REDRIVEN");
      long total = 0;
      long notRedriven = 0;
      for (TopicPartition partition : partitions) {
        RedriveLedger ledger = RedriveLedger.from(committed.get(partition));
        long start = earliest.get(partition);
        long end = latest.get(partition);
        long before = all ? end : Math.min(ledger.watermark(), end);
        if (before <= start) {
          continue;
        }
        long lost = (before - start) - ledger.redrivenBetween(start, before);
        deletions.put(partition, RecordsToDelete.beforeOffset(before));
        plan.row(partition.partition(), start, before, before - start, lost);
        total += before - start;
        notRedriven += lost;
      }
      if (deletions.isEmpty()) {
        out.println(
            "Nothing to purge in "
                + topic
                + (all ? "." : " (no records redriven yet; --all deletes every record)."));
        return OpsExit.OK;
      }
      plan.print(out);
      if (dryRun) {
        out.println(
            "Dry run: "
                + total
                + " records would be deleted ("
                + notRedriven
                + " never redriven); nothing deleted.");
        return OpsExit.OK;
      }
      admin.deleteRecords(deletions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      out.println(
          "Deleted " + total + " records from " + topic + " (" + notRedriven + " never redriven).");
      out.flush();
      return OpsExit.OK;
    }
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }
}
