package io.digitaltowns.consumers.email;

import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.events.FailureReason;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the email tests look at from outside the consumer: the shared mailbox, the group's offsets, its dead letters. */
final class EmailGroupProbe {

  static final Duration DEADLINE = Duration.ofSeconds(60);

  private EmailGroupProbe() {
  }

  static ReceivedMail awaitMail(String to, String subject) {
    return await().atMost(DEADLINE).until(() -> mailsTo(to).stream()
            .filter(mail -> subject.equals(mail.subject())).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  static List<ReceivedMail> mailsTo(String email) {
    return LocalStack.shared().mail().messages().stream()
        .filter(mail -> mail.to().stream().anyMatch(email::equalsIgnoreCase))
        .toList();
  }

  /** @return the email group's committed offset of the partition, or -1 when it has none */
  static long committedOffset(TopicPartition partition) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        LocalStack.shared().kafkaBootstrapServers()))) {
      OffsetAndMetadata committed = admin.listConsumerGroupOffsets("email").partitionsToOffsetAndMetadata().get()
          .get(partition);
      return committed == null ? -1 : committed.offset();
    }
  }

  /** The keys of every record in a dead-letter topic, read from the beginning to its current end. */
  static List<String> deadLetterKeys(String topic) {
    return deadLetters(topic).stream().map(record -> utf8(record.key())).toList();
  }

  /**
   * The reason header ({@link FailureReason#HEADER}) of every record in a dead-letter topic by record key, read from the
   * beginning to its current end; a key dead-lettered twice keeps its last reason.
   */
  static Map<String, String> deadLetterReasons(String topic) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : deadLetters(topic)) {
      Header reason = record.headers().lastHeader(FailureReason.HEADER);
      reasons.put(utf8(record.key()), reason == null ? null : utf8(reason.value()));
    }
    return reasons;
  }

  private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String topic) {
    try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await().atMost(DEADLINE).until(() -> {
        reader.poll(Duration.ofMillis(200)).forEach(records::add);
        return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
      });
      return records;
    }
  }

  private static String utf8(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
