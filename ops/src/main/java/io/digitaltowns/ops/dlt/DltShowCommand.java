package io.digitaltowns.ops.dlt;

import io.digitaltowns.ops.OpsExit;
import io.digitaltowns.ops.connection.KafkaOptions;
import io.digitaltowns.ops.connection.RegistryOptions;
import io.digitaltowns.platform.deadletters.DeadLetter;
import io.digitaltowns.platform.deadletters.DeadLetterReader;
import io.digitaltowns.platform.deadletters.RedriveLedger;
import java.io.PrintWriter;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "One dead-lettered record: where it came from, why it failed, its headers, and its value decoded "
            + "with its schema from the registry, as JSON.")
public class DltShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin KafkaOptions kafka;

  @Mixin RegistryOptions registry;

  @Mixin RedriveGroupOption redrive;

  @Parameters(index = "0", paramLabel = "<dlt-topic>")
  String topic;

  @Parameters(index = "1", paramLabel = "<partition>")
  int partition;

  @Parameters(index = "2", paramLabel = "<offset>")
  long offset;

  @Option(names = "--stacktrace", description = "Also print the stack trace the consumer recorded.")
  boolean stackTrace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(redrive.group)) {
      TopicPartition tp = DeadLetterReader.partition(consumer, topic, partition);
      DeadLetter letter = DeadLetterReader.at(consumer, tp, offset);
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(tp));
      boolean redriven = RedriveLedger.from(committed.get(tp)).isRedriven(offset);

      out.println(topic + " " + letter.position());
      out.println("  dead-lettered at:  " + letter.timestamp());
      out.println("  status:            " + (redriven ? "redriven" : "waiting (not redriven)"));
      out.println("  key:               " + letter.keyText());
      out.println(
          "  original:          "
              + letter.original()
              + (letter.originalGroup() == null ? "" : ", consumer group " + letter.originalGroup())
              + (letter.originalTimestamp() == null
                  ? ""
                  : ", written " + letter.originalTimestamp()));
      out.println(
          "  event:             "
              + orDash(letter.eventType())
              + (letter.eventId() == null ? "" : ", id " + letter.eventId()));
      out.println(
          "  failure:           "
              + orDash(letter.exceptionClass())
              + (letter.causeClass() == null ? "" : ", caused by " + letter.causeClass()));
      out.println("  reason:            " + letter.reason());
      out.println("  headers:");
      for (Header header : letter.record().headers()) {
        if (header.key().equals(DeadLetter.EXCEPTION_STACKTRACE)) {
          continue;
        }
        out.println("    " + header.key() + ": " + headerText(header));
      }
      byte[] value = letter.record().value();
      if (value == null) {
        out.println("  value: (null)");
      } else {
        EventDecoder.Decoded decoded = new EventDecoder(registry.client()).decode(value);
        if (decoded.problem() == null) {
          out.println(
              "  value ("
                  + value.length
                  + " bytes, schema id "
                  + decoded.schemaId()
                  + ", "
                  + decoded.type()
                  + "):");
          decoded.json().lines().forEach(line -> out.println("    " + line));
        } else {
          out.println("  value (" + value.length + " bytes): not decodable: " + decoded.problem());
          out.println("    base64: " + Base64.getEncoder().encodeToString(value));
        }
      }
      if (stackTrace && letter.stackTrace() != null) {
        out.println("  stack trace:");
        letter.stackTrace().lines().forEach(line -> out.println("    " + line));
      }
      out.flush();
      return OpsExit.OK;
    }
  }

  private static String headerText(Header header) {
    if (header.value() == null) {
      return "(null)";
    }
    byte[] value = header.value();
    // Spring writes these as big-endian binary numbers
    if (header.key().equals(DeadLetter.ORIGINAL_PARTITION) && value.length == 4) {
      return String.valueOf(java.nio.ByteBuffer.wrap(value).getInt());
    }
    if ((header.key().equals(DeadLetter.ORIGINAL_OFFSET)
            || header.key().equals(DeadLetter.ORIGINAL_TIMESTAMP))
        && value.length == 8) {
      return String.valueOf(java.nio.ByteBuffer.wrap(value).getLong());
    }
    return DeadLetter.printable(value).replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }
}
