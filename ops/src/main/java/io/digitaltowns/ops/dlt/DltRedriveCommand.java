package io.digitaltowns.ops.dlt;

import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.KafkaOptions;
import io.digitaltowns.ops.console.Progress;
import io.digitaltowns.platform.deadletters.DeadLetter;
import io.digitaltowns.platform.deadletters.DeadLetterReader;
import io.digitaltowns.platform.deadletters.Redrive;
import io.digitaltowns.platform.deadletters.RedriveLedger;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "redrive",
    mixinStandardHelpOptions = true,
    description = {
      "Send dead-lettered records back to their original topic (kafka_dlt-original-topic), with their key, "
          + "value and headers minus the kafka_dlt-* ones, once the cause is fixed. Every consumer group of that topic "
          + "sees the record again; the consumers are idempotent by event id, so the groups that had processed it skip it.",
      "The tool's consumer group offset on the dead-letter topic records what was redriven, so running redrive "
          + "again sends nothing twice. A crash between sending and recording can send a record twice (at least "
          + "once, like every delivery here)."
    })
public class DltRedriveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin RedriveGroupOption redrive;

  @Parameters(index = "0", paramLabel = "<dlt-topic>")
  String topic;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--dry-run", description = "Print what would be sent, send and record nothing.")
  boolean dryRun;

  static class Target {
    @ArgGroup(exclusive = false)
    Single single;

    @Option(
        names = "--all",
        required = true,
        description = "Every record not redriven yet, on every partition.")
    boolean all;
  }

  static class Single {
    @Option(names = "--partition", required = true, paramLabel = "<p>")
    int partition;

    @Option(names = "--offset", required = true, paramLabel = "<o>")
    long offset;
  }

  @Override
  public Integer call() throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(redrive.group)) {
      return target.single != null ? redriveOne(consumer) : redriveAll(consumer);
    }
  }

  private int redriveOne(KafkaConsumer<byte[], byte[]> consumer) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    TopicPartition partition = DeadLetterReader.partition(consumer, topic, target.single.partition);
    long offset = target.single.offset;
    if (dryRun) {
      if (Redrive.ledger(consumer, partition).isRedriven(offset)) {
        out.println(alreadyRedriven(partition, offset));
        return OpsExit.OK;
      }
      DeadLetter letter = DeadLetterReader.at(consumer, partition, offset);
      out.println(
          "would redrive "
              + describe(letter, Redrive.destination(letter))
              + " (dry run, nothing sent)");
      return OpsExit.OK;
    }
    try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      Redrive.Outcome outcome = Redrive.one(consumer, producer, partition, offset);
      if (outcome instanceof Redrive.Redriven redriven) {
        RecordMetadata sent = redriven.sent();
        out.println(
            "redriven "
                + describe(redriven.letter(), redriven.destination())
                + ": now "
                + sent.topic()
                + " "
                + sent.partition()
                + "@"
                + sent.offset());
      } else {
        out.println(alreadyRedriven(partition, offset));
      }
    }
    return OpsExit.OK;
  }

  private static String alreadyRedriven(TopicPartition partition, long offset) {
    return partition.topic()
        + " "
        + partition.partition()
        + ":"
        + offset
        + " was already redriven; nothing sent.";
  }

  private int redriveAll(KafkaConsumer<byte[], byte[]> consumer) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<TopicPartition> partitions = DeadLetterReader.partitions(consumer, topic);
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Map<TopicPartition, RedriveLedger> ledgers = new HashMap<>();
    Map<TopicPartition, Long> from = new HashMap<>();
    long before = 0;
    for (TopicPartition partition : partitions) {
      RedriveLedger ledger = RedriveLedger.from(committed.get(partition));
      ledgers.put(partition, ledger);
      from.put(partition, ledger.watermark());
      before += ledger.redrivenBetween(beginnings.get(partition), ends.get(partition));
    }
    long[] counts = new long[1]; // sent
    Progress progress = new Progress(err, (dryRun ? "planned " : "redriven ") + topic, -1);
    try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : kafka.producer()) {
      DeadLetterReader.read(
          consumer,
          from,
          (partition, records) -> {
            RedriveLedger ledger = ledgers.get(partition);
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            long done = -1;
            try {
              for (ConsumerRecord<byte[], byte[]> record : records) {
                if (ledger.isRedriven(record.offset())) {
                  done = record.offset();
                  continue;
                }
                DeadLetter letter = new DeadLetter(record);
                if (dryRun) {
                  out.println("would redrive " + describe(letter, Redrive.destination(letter)));
                } else {
                  sends.add(producer.send(Redrive.toOriginalTopic(letter)));
                }
                counts[0]++;
                progress.step();
                done = record.offset();
              }
            } finally {
              if (!dryRun) {
                // record what Kafka acknowledged, also when a record further on stops the run
                for (Future<RecordMetadata> send : sends) {
                  send.get();
                }
                if (done >= 0) {
                  ledger.advanceTo(done + 1);
                  Redrive.record(consumer, partition, ledger);
                }
              }
            }
            return true;
          });
    }
    progress.finish();
    if (dryRun) {
      out.println(
          "Dry run: "
              + counts[0]
              + " records would be redriven, "
              + before
              + " were already redriven; nothing sent.");
    } else {
      out.println(
          "Redriven "
              + counts[0]
              + " records from "
              + topic
              + "; "
              + before
              + " were already redriven.");
    }
    out.flush();
    return OpsExit.OK;
  }

  private static String describe(DeadLetter letter, String destination) {
    return letter.record().topic()
        + " "
        + letter.position()
        + " -> "
        + destination
        + " (key "
        + letter.keyText()
        + ", "
        + (letter.eventType() == null ? "unknown event type" : letter.eventType())
        + ")";
  }
}
