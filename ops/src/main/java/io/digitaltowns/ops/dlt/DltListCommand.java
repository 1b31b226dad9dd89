package io.digitaltowns.ops.dlt;

import io.digitaltowns.events.catalog.Topic;
import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.KafkaOptions;
import io.digitaltowns.ops.console.Progress;
import io.digitaltowns.ops.console.Table;
import io.digitaltowns.platform.deadletters.DeadLetter;
import io.digitaltowns.platform.deadletters.DeadLetterReader;
import io.digitaltowns.platform.deadletters.RedriveLedger;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "Without a topic: every dead-letter topic (*.dlt) with its record counts.",
      "With a topic: its records, with partition:offset, the original topic/partition@offset, the event type, "
          + "the key, whether it was redriven, and the failure reason."
    })
public class DltListCommand implements Callable<Integer> {

  private static final long TIMEOUT_SECONDS = 30;

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin RedriveGroupOption redrive;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<dlt-topic>",
      description = "A dead-letter topic.")
  String topic;

  @Option(
      names = "--limit",
      paramLabel = "<n>",
      defaultValue = "500",
      description =
          "Show at most this many records, oldest first (0: all; default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws Exception {
    return topic == null ? overview() : records();
  }

  private int overview() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = kafka.admin()) {
      List<String> topics =
          admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
              .filter(Topic::isDeadLetters)
              .sorted()
              .toList();
      if (topics.isEmpty()) {
        out.println("No dead-letter topics (*.dlt).");
        return OpsExit.OK;
      }
      List<TopicPartition> partitions =
          admin
              .describeTopics(topics)
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .values()
              .stream()
              .flatMap(
                  description ->
                      description.partitions().stream()
                          .map(info -> new TopicPartition(description.name(), info.partition())))
              .toList();
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest =
          offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest =
          offsets(admin, partitions, OffsetSpec.latest());
      Map<TopicPartition, OffsetAndMetadata> ledger =
          admin
              .listConsumerGroupOffsets(redrive.group)
              .partitionsToOffsetAndMetadata()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Map<String, long[]> counts = new HashMap<>();
      for (TopicPartition partition : partitions) {
        long from = earliest.get(partition).offset();
        long to = latest.get(partition).offset();
        long redriven = RedriveLedger.from(ledger.get(partition)).redrivenBetween(from, to);
        long[] count = counts.computeIfAbsent(partition.topic(), name -> new long[2]);
        count[0] += to - from;
        count[1] += redriven;
      }
      Table table = new Table("TOPIC", "RECORDS", "REDRIVEN", "NOT REDRIVEN");
      for (String name : topics) {
        long[] count = counts.getOrDefault(name, new long[2]);
        table.row(name, count[0], count[1], count[0] - count[1]);
      }
      table.print(out);
      out.flush();
      return OpsExit.OK;
    }
  }

  private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    return admin
        .listOffsets(
            partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private int records() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(redrive.group)) {
      List<TopicPartition> partitions = DeadLetterReader.partitions(consumer, topic);
      Map<TopicPartition, OffsetAndMetadata> committed =
          consumer.committed(java.util.Set.copyOf(partitions));
      Map<TopicPartition, RedriveLedger> ledgers = new HashMap<>();
      Map<TopicPartition, Long> from = new HashMap<>();
      for (TopicPartition partition : partitions) {
        ledgers.put(partition, RedriveLedger.from(committed.get(partition)));
        from.put(partition, 0L);
      }
      Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
      long total =
          consumer.endOffsets(partitions).entrySet().stream()
              .mapToLong(end -> end.getValue() - beginnings.get(end.getKey()))
              .sum();
      Table table =
          new Table(
              "PARTITION:OFFSET",
              "DEAD-LETTERED",
              "ORIGINAL",
              "EVENT TYPE",
              "KEY",
              "STATUS",
              "REASON");
      Progress progress = new Progress(err, "read " + topic, total);
      List<DeadLetter> letters = new ArrayList<>();
      DeadLetterReader.read(
          consumer,
          from,
          (partition, records) -> {
            for (var record : records) {
              if (limit > 0 && progress.count() >= limit) {
                return false;
              }
              progress.step();
              letters.add(new DeadLetter(record));
            }
            return true;
          });
      letters.sort(
          Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
      for (DeadLetter letter : letters) {
        boolean redriven =
            ledgers.get(new TopicPartition(topic, letter.partition())).isRedriven(letter.offset());
        table.row(
            letter.position(),
            letter.timestamp(),
            letter.original(),
            letter.eventType(),
            letter.keyText(),
            redriven ? "redriven" : "waiting",
            letter.reason());
      }
      progress.finish();
      if (table.isEmpty()) {
        out.println(topic + " is empty.");
        return OpsExit.OK;
      }
      table.print(out);
      if (limit > 0 && progress.count() >= limit && total > progress.count()) {
        out.println("... about " + (total - progress.count()) + " more (--limit 0 shows all)");
      }
      out.flush();
      return OpsExit.OK;
    }
  }
}
