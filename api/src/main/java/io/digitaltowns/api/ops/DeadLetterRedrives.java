package io.digitaltowns.api.ops;

import io.digitaltowns.events.catalog.Topic;
import io.digitaltowns.platform.deadletters.DeadLetter;
import io.digitaltowns.platform.deadletters.DeadLetterReader;
import io.digitaltowns.platform.deadletters.NoSuchDeadLetterException;
import io.digitaltowns.platform.deadletters.Redrive;
import io.digitaltowns.platform.deadletters.RedriveLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The dead letters of one topic, and sending one back to its original topic for an admin: the rule
 * of {@code ops dlt redrive} ({@link Redrive}: once, recorded in the redrive group's offsets), not
 * a copy of it.
 */
@Service
public class DeadLetterRedrives {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterRedrives.class);
  private static final String DLT_SUFFIX = Topic.DEAD_LETTER_SUFFIX;

  private final OpsKafka kafka;

  DeadLetterRedrives(OpsKafka kafka) {
    this.kafka = kafka;
  }

  /**
   * The oldest records of each dead-letter topic, up to {@code perTopic} per partition, from where
   * the redrive ledger says some may still be waiting (everything below a partition's watermark was
   * redriven); one consumer for all.
   */
  public Map<String, List<DeadLetterEntry>> waitingIn(List<String> topics, int perTopic) {
    topics.forEach(DeadLetterRedrives::requireDeadLetterTopic);
    Map<String, List<DeadLetterEntry>> entries = new LinkedHashMap<>();
    topics.forEach(topic -> entries.put(topic, new ArrayList<>()));
    if (topics.isEmpty()) {
      return entries;
    }
    try (KafkaConsumer<byte[], byte[]> consumer = connected()) {
      List<TopicPartition> partitions =
          topics.stream()
              .flatMap(topic -> DeadLetterReader.partitions(consumer, topic).stream())
              .toList();
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
      Map<TopicPartition, RedriveLedger> ledgers = new HashMap<>();
      Map<TopicPartition, Long> from = new HashMap<>();
      for (TopicPartition partition : partitions) {
        RedriveLedger ledger = RedriveLedger.from(committed.get(partition));
        ledgers.put(partition, ledger);
        from.put(partition, ledger.watermark());
      }
      DeadLetterReader.read(
          consumer,
          from,
          perTopic,
          (partition, records) -> {
            for (var record : records) {
              DeadLetter letter = new DeadLetter(record);
              entries
                  .get(partition.topic())
                  .add(
                      new DeadLetterEntry(
                          partition.topic(),
                          letter.partition(),
                          letter.offset(),
                          letter.timestamp(),
                          letter.original(),
                          letter.eventType(),
                          letter.keyText(),
                          letter.reason(),
                          ledgers.get(partition).isRedriven(letter.offset())));
            }
            return true;
          });
      entries.replaceAll(
          (topic, letters) ->
              letters.stream()
                  .sorted(
                      Comparator.comparing(DeadLetterEntry::deadLetteredAt)
                          .thenComparingInt(DeadLetterEntry::partition)
                          .thenComparingLong(DeadLetterEntry::offset))
                  .limit(perTopic)
                  .toList());
      return entries;
    } catch (NoSuchDeadLetterException | DeadLetterException e) {
      throw e;
    } catch (Exception e) {
      throw unavailable(e);
    }
  }

  /**
   * Sends one dead letter back to its original topic unless it was redriven before (by this page or
   * the ops tool). One at a time in this process, so two admins pressing the button at once do not
   * both send it.
   *
   * @throws NoSuchDeadLetterException when the topic, partition or offset is not there
   */
  public synchronized Redrive.Outcome redrive(String topic, int partition, long offset) {
    requireDeadLetterTopic(topic);
    try (KafkaConsumer<byte[], byte[]> consumer = connected();
        KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
      TopicPartition dlt = DeadLetterReader.partition(consumer, topic, partition);
      Redrive.Outcome outcome = Redrive.one(consumer, producer, dlt, offset);
      if (outcome instanceof Redrive.Redriven redriven) {
        log.info(
            "redriven {} {}:{} to {} {}@{}",
            topic,
            partition,
            offset,
            redriven.destination(),
            redriven.sent().partition(),
            redriven.sent().offset());
      }
      return outcome;
    } catch (NoSuchDeadLetterException | DeadLetterException e) {
      throw e;
    } catch (Exception e) {
      throw unavailable(e);
    }
  }

  private KafkaConsumer<byte[], byte[]> connected() {
    if (!kafka.configured()) {
      throw new DeadLetterException(
          "Kafka is not configured for the web service (KAFKA_BOOTSTRAP_SERVERS).", null);
    }
    return kafka.ledgerConsumer();
  }

  private static void requireDeadLetterTopic(String topic) {
    if (topic == null || !topic.endsWith(DLT_SUFFIX)) {
      throw new NoSuchDeadLetterException(
          "not a dead-letter topic (*" + DLT_SUFFIX + "): " + topic);
    }
  }

  private static DeadLetterException unavailable(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    log.warn("dead letters: Kafka did not answer: {}", cause.toString());
    if (cause instanceof IllegalStateException && !(cause instanceof KafkaException)) {
      // a record without its original topic header, or a ledger too full to record one more single
      // redrive
      return new DeadLetterException(cause.getMessage(), cause);
    }
    return new DeadLetterException("Kafka did not answer in time; nothing was sent.", cause);
  }
}
