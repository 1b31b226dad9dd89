package io.digitaltowns.platform.deadletters;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The rules of sending a dead letter back, shared by {@code ops dlt redrive} and the admins'
 * operations page: a record goes back to its original topic with its key, value and headers (minus
 * the dead-letter ones), and it goes once. Which records were redriven is kept as the offsets of
 * one consumer group on the dead-letter topic ({@link #DEFAULT_GROUP}, see {@link RedriveLedger});
 * the ledger is read before and written after Kafka acknowledged the send. A crash between the two
 * can send a record twice (at least once, like every delivery here; the consumers are idempotent by
 * event id).
 *
 * <p>Every consumer given here must belong to the redrive group: its committed offsets are the
 * ledger.
 */
public final class Redrive {

  /** The consumer group whose offsets on the dead-letter topics record what was redriven. */
  public static final String DEFAULT_GROUP = "dt-ops-redrive";

  /** What became of a request to redrive one record. */
  public sealed interface Outcome permits Redriven, AlreadyRedriven {}

  /** Sent back: where it went, as Kafka acknowledged it. */
  public record Redriven(DeadLetter letter, String destination, RecordMetadata sent)
      implements Outcome {}

  /** Redriven before (by either tool): nothing sent. */
  public record AlreadyRedriven(TopicPartition partition, long offset) implements Outcome {}

  private Redrive() {}

  /**
   * Sends the record at {@code offset} back to its original topic, unless it was redriven before,
   * and records it.
   */
  public static Outcome one(
      Consumer<byte[], byte[]> ledgerConsumer,
      Producer<byte[], byte[]> producer,
      TopicPartition partition,
      long offset)
      throws Exception {
    RedriveLedger ledger = ledger(ledgerConsumer, partition);
    if (ledger.isRedriven(offset)) {
      return new AlreadyRedriven(partition, offset);
    }
    DeadLetter letter = DeadLetterReader.at(ledgerConsumer, partition, offset);
    String destination = destination(letter);
    RecordMetadata sent = producer.send(toOriginalTopic(letter)).get();
    ledger.markRedriven(offset);
    record(ledgerConsumer, partition, ledger);
    return new Redriven(letter, destination, sent);
  }

  /** What was redriven on one partition, as the group last committed it. */
  public static RedriveLedger ledger(
      Consumer<byte[], byte[]> ledgerConsumer, TopicPartition partition) {
    return RedriveLedger.from(ledgerConsumer.committed(Set.of(partition)).get(partition));
  }

  /** Keeps the ledger of one partition; only after Kafka acknowledged what it says was sent. */
  public static void record(
      Consumer<byte[], byte[]> ledgerConsumer, TopicPartition partition, RedriveLedger ledger) {
    ledgerConsumer.commitSync(Map.of(partition, ledger.toOffsetAndMetadata()));
  }

  /** The topic the record was dead-lettered from; a record without it cannot be redriven. */
  public static String destination(DeadLetter letter) {
    String original = letter.originalTopic();
    if (original == null || original.isBlank()) {
      throw new IllegalStateException(
          letter.record().topic()
              + " "
              + letter.position()
              + " has no "
              + DeadLetter.ORIGINAL_TOPIC
              + " header: cannot tell where to send it");
    }
    return original;
  }

  /**
   * Same key, value and headers (minus the dead-letter ones) as the original. A keyed record goes
   * where its key hashes to, as the relay's records do, so it stays in order with its aggregate's
   * newer events.
   */
  public static ProducerRecord<byte[], byte[]> toOriginalTopic(DeadLetter letter) {
    ConsumerRecord<byte[], byte[]> record = letter.record();
    Integer partition = record.key() == null ? letter.originalPartition() : null;
    return new ProducerRecord<>(
        destination(letter),
        partition,
        null,
        record.key(),
        record.value(),
        letter.headersWithoutDeadLetterOnes());
  }
}
