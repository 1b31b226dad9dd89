package io.digitaltowns.consumers.email;

import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
    try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.shared().kafkaBootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions);
      List<String> keys = new ArrayList<>();
      await().atMost(DEADLINE).until(() -> {
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
          keys.add(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        }
        return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
      });
      return keys;
    }
  }
}
