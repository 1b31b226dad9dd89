package io.digitaltowns.ops.backup;

import io.digitaltowns.backup.archive.ArchiveFileName;
import io.digitaltowns.backup.archive.ArchiveFiles;
import io.digitaltowns.backup.archive.ArchivedRecord;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.events.catalog.TopicDefinition;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.RefusedException;
import io.digitaltowns.ops.connection.KafkaOptions;
import io.digitaltowns.ops.console.Progress;
import io.digitaltowns.ops.console.Table;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore-topic",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild a topic from the archive: every archived record of the days asked for, produced again "
          + "with its key, value, headers and timestamp to the same partition, in offset order. Records archived "
          + "twice (an upload repeated after a crash) are produced once.",
      "Into the topic itself (after losing it) or, to replay a period beyond Kafka's retention, into another "
          + "topic (--to-topic). A missing target topic is created with the archived partition count. A target "
          + "topic that already holds records is refused unless --append.",
      "Stop the backup group first when restoring into an archived (dt.*) topic under its own name: it "
          + "would archive the restored records again, under the new offsets."
    })
public class RestoreTopicCommand implements Callable<Integer> {

  private static final long TIMEOUT_SECONDS = 30;

  /** A self-hosted schema registry's topic. */
  private static final String SCHEMAS_TOPIC = "_schemas";

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin BackupStoreOptions backup;

  @Parameters(
      index = "0",
      paramLabel = "<topic>",
      description = "Archived topic, e.g. dt.accounts.events.")
  String topic;

  @Option(
      names = "--from",
      paramLabel = "<yyyy-MM-dd>",
      description = "First day (UTC) to restore; default: the first archived.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "<yyyy-MM-dd>",
      description = "Last day (UTC) to restore, inclusive; default: the last archived.")
  String to;

  @Option(
      names = "--to-topic",
      paramLabel = "<topic>",
      description = "Produce into this topic instead of <topic>.")
  String toTopic;

  @Option(
      names = "--append",
      description = "Produce even if the target topic already holds records.")
  boolean append;

  @Option(
      names = "--replication-factor",
      paramLabel = "<n>",
      defaultValue = "${env:KAFKA_REPLICATION_FACTOR}",
      description =
          "Replication factor when the target topic must be created (env KAFKA_REPLICATION_FACTOR; "
              + "default: the project's definition of the topic, else 1).")
  Short replicationFactor;

  @Option(
      names = "--topic-config",
      paramLabel = "<key=value>",
      description =
          "Configuration of the target topic when it must be created (repeatable), e.g. retention.ms=-1 "
              + "for a replay of days older than the default retention. _schemas is always created compacted.")
  Map<String, String> topicConfigs;

  @Option(
      names = "--dry-run",
      description = "Print the plan: files, offsets, duplicates and gaps; produce nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String target = toTopic == null ? topic : toTopic;
    LocalDate fromDay = day("--from", from);
    LocalDate toDay = day("--to", to);
    try (BackupStore store = backup.connect()) {
      ArchivePlan plan = ArchivePlan.of(store, topic, fromDay, toDay);
      if (plan.isEmpty()) {
        out.println(
            "The archive in "
                + store.settings().describe()
                + " holds no file of "
                + topic
                + (fromDay == null && toDay == null
                    ? ""
                    : " between "
                        + (fromDay == null ? "the start" : fromDay)
                        + " and "
                        + (toDay == null ? "the end" : toDay))
                + ". Nothing to restore.");
        out.flush();
        return OpsExit.OK;
      }
      out.println(
          "Restore of "
              + topic
              + " from "
              + store.settings().describe()
              + " into "
              + target
              + (dryRun ? " (dry run)" : ""));
      printPlan(plan, out);
      try (Admin admin = kafka.admin()) {
        int targetPartitions = prepareTarget(admin, target, plan, out);
        if (dryRun) {
          out.println("Dry run: nothing produced.");
          out.flush();
          return OpsExit.OK;
        }
        long produced = produce(store, plan, target, targetPartitions, err);
        out.println(produced + " records produced to " + target + ".");
        out.flush();
        return OpsExit.OK;
      }
    }
  }

  private void printPlan(ArchivePlan plan, PrintWriter out) {
    Table table =
        new Table("PARTITION", "FILES", "DAYS", "OFFSETS", "HELD TWICE", "MISSING OFFSETS");
    plan.filesByPartition()
        .forEach(
            (partition, files) ->
                table.row(
                    partition,
                    files.size(),
                    plan.firstDay(partition) + ".." + plan.lastDay(partition),
                    plan.firstOffset(partition) + ".." + plan.lastOffset(partition),
                    plan.overlapByPartition().get(partition),
                    plan.gapsByPartition().get(partition).isEmpty()
                        ? "-"
                        : String.join(",", plan.gapsByPartition().get(partition))));
    table.print(out);
    if (plan.gapsByPartition().values().stream().anyMatch(gaps -> !gaps.isEmpty())) {
      out.println(
          "Missing offsets: not in the archive. Transaction markers and compaction leave such holes; "
              + "otherwise records were lost before they were archived.");
    }
  }

  /**
   * @return the target's partition count, after creating it if needed; refuses what would mix or
   *     lose records
   */
  private int prepareTarget(Admin admin, String target, ArchivePlan plan, PrintWriter out)
      throws Exception {
    Optional<TopicDescription> existing = describe(admin, target);
    if (existing.isEmpty()) {
      int partitions = plan.partitionsNeeded();
      Optional<TopicDefinition> definition =
          Topics.all().stream().filter(known -> known.name().equals(target)).findFirst();
      partitions = Math.max(partitions, definition.map(TopicDefinition::partitions).orElse(0));
      short replication =
          replicationFactor != null
              ? replicationFactor
              : definition.map(TopicDefinition::replicationFactor).orElse((short) 1);
      Map<String, String> configs =
          new java.util.TreeMap<>(definition.map(TopicDefinition::configs).orElse(Map.of()));
      if (SCHEMAS_TOPIC.equals(target)) {
        // the registry's log: its latest record per key is the schema; time retention would delete
        // the schemas
        configs.put("cleanup.policy", "compact");
      }
      if (topicConfigs != null) {
        configs.putAll(topicConfigs);
      }
      out.println(
          target
              + " does not exist: "
              + (dryRun ? "would be" : "is")
              + " created with "
              + partitions
              + " partitions, replication factor "
              + replication
              + (configs.isEmpty() ? "" : ", " + configs)
              + ".");
      if (!dryRun) {
        admin
            .createTopics(List.of(new NewTopic(target, partitions, replication).configs(configs)))
            .all()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
      return partitions;
    }
    int partitions = existing.get().partitions().size();
    if (partitions < plan.partitionsNeeded()) {
      throw new RefusedException(
          target
              + " has "
              + partitions
              + " partitions, the archive of "
              + topic
              + " has "
              + plan.partitionsNeeded()
              + ": records would not go to the partitions they came from. Nothing was produced.");
    }
    long held = records(admin, target, partitions);
    if (held > 0 && !append) {
      throw new RefusedException(
          target
              + " already holds "
              + held
              + " records; restoring would add the archived ones "
              + "after them. Use --to-topic for an empty topic, or --append if that is what you want. Nothing was produced.");
    }
    return partitions;
  }

  private long produce(
      BackupStore store, ArchivePlan plan, String target, int targetPartitions, PrintWriter err)
      throws Exception {
    long total =
        plan.filesByPartition().keySet().stream()
            .mapToLong(partition -> plan.lastOffset(partition) - plan.firstOffset(partition) + 1)
            .sum();
    Progress progress = new Progress(err, "restore " + target, total);
    UnacknowledgedSends unacknowledged = new UnacknowledgedSends();
    try (KafkaProducer<byte[], byte[]> producer = kafka.orderedProducer()) {
      for (Map.Entry<Integer, List<ArchiveFileName>> entry : plan.filesByPartition().entrySet()) {
        int partition = entry.getKey();
        if (partition >= targetPartitions) {
          throw new IllegalStateException(target + " has no partition " + partition);
        }
        long next = -1;
        for (ArchiveFileName file : entry.getValue()) {
          List<ArchivedRecord> records;
          try (InputStream in = store.open(file.key())) {
            records = ArchiveFiles.read(in);
          }
          for (ArchivedRecord record : records) {
            if (record.offset() < next) {
              continue; // held twice: produced from the earlier file
            }
            ProducerRecord<byte[], byte[]> again =
                new ProducerRecord<>(
                    target, partition, record.timestamp(), record.key(), record.value());
            record.headers().forEach(header -> again.headers().add(header.key(), header.value()));
            producer.send(again, unacknowledged);
            next = record.offset() + 1;
            progress.step();
          }
        }
      }
      // flush waits for every send, failed ones too: their failures reach only the callback
      producer.flush();
    }
    progress.finish();
    unacknowledged.throwIfAny(target, progress.count());
    return progress.count();
  }

  private static Optional<TopicDescription> describe(Admin admin, String topic) throws Exception {
    try {
      return Optional.of(
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(topic));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static long records(Admin admin, String topic, int partitions) throws Exception {
    List<TopicPartition> all =
        java.util.stream.IntStream.range(0, partitions)
            .mapToObj(partition -> new TopicPartition(topic, partition))
            .toList();
    Map<TopicPartition, Long> earliest = offsets(admin, all, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = offsets(admin, all, OffsetSpec.latest());
    return all.stream()
        .mapToLong(partition -> latest.get(partition) - earliest.get(partition))
        .sum();
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

  private LocalDate day(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), option + " wants a day like 2025-03-01, got '" + text + "'");
    }
  }
}
