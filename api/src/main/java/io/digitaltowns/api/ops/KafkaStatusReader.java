package io.digitaltowns.api.ops;

import io.digitaltowns.api.ops.OpsStatus.ConsumerGroupStatus;
import io.digitaltowns.api.ops.OpsStatus.DeadLetterTopic;
import io.digitaltowns.api.ops.OpsStatus.KafkaStatus;
import io.digitaltowns.api.ops.OpsStatus.TopicLag;
import io.digitaltowns.events.catalog.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks Kafka, read-only, how far behind each consumer group of the system is and how many dead
 * letters wait. A short-lived admin client per look ({@link OpsKafka}).
 */
@Component
class KafkaStatusReader {

  private static final Logger log = LoggerFactory.getLogger(KafkaStatusReader.class);

  private final OpsProperties properties;
  private final OpsKafka kafka;

  KafkaStatusReader(OpsProperties properties, OpsKafka kafka) {
    this.properties = properties;
    this.kafka = kafka;
  }

  KafkaStatus read() {
    if (!kafka.configured()) {
      return new KafkaStatus("not configured (KAFKA_BOOTSTRAP_SERVERS)", List.of(), List.of());
    }
    try (Admin admin = kafka.admin()) {
      return new KafkaStatus(null, consumerGroups(admin), deadLetters(admin));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.warn("ops status: Kafka did not answer: {}", e.toString());
      return new KafkaStatus("unreachable", List.of(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new KafkaStatus("interrupted", List.of(), List.of());
    }
  }

  private List<ConsumerGroupStatus> consumerGroups(Admin admin)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> groups =
        admin
            .listGroups(ListGroupsOptions.forConsumerGroups())
            .all()
            .get(timeout(), TimeUnit.MILLISECONDS)
            .stream()
            .map(GroupListing::groupId)
            .sorted()
            .toList();
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, ConsumerGroupDescription> descriptions =
        admin.describeConsumerGroups(groups).all().get(timeout(), TimeUnit.MILLISECONDS);
    List<ConsumerGroupStatus> statuses = new ArrayList<>();
    for (String group : groups) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(timeout(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> ends = endOffsets(admin, committed.keySet().stream().toList());
      Map<String, Long> lagByTopic = new TreeMap<>();
      committed.forEach(
          (partition, offset) -> {
            long lag =
                offset == null
                    ? 0
                    : Math.max(0, ends.getOrDefault(partition, 0L) - offset.offset());
            lagByTopic.merge(partition.topic(), lag, Long::sum);
          });
      List<TopicLag> topics =
          lagByTopic.entrySet().stream().map(e -> new TopicLag(e.getKey(), e.getValue())).toList();
      ConsumerGroupDescription description = descriptions.get(group);
      statuses.add(
          new ConsumerGroupStatus(
              group,
              description == null ? "UNKNOWN" : description.groupState().toString(),
              description == null ? 0 : description.members().size(),
              topics,
              topics.stream().mapToLong(TopicLag::lag).sum()));
    }
    return statuses;
  }

  private List<DeadLetterTopic> deadLetters(Admin admin)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> topics =
        admin.listTopics().names().get(timeout(), TimeUnit.MILLISECONDS).stream()
            .filter(Topic::isDeadLetters)
            .sorted()
            .toList();
    if (topics.isEmpty()) {
      return List.of();
    }
    List<TopicPartition> partitions =
        admin
            .describeTopics(topics)
            .allTopicNames()
            .get(timeout(), TimeUnit.MILLISECONDS)
            .values()
            .stream()
            .flatMap(
                topic ->
                    topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition())))
            .toList();
    Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
    return partitions.stream()
        .collect(
            Collectors.groupingBy(
                TopicPartition::topic,
                TreeMap::new,
                Collectors.summingLong(p -> ends.getOrDefault(p, 0L) - starts.getOrDefault(p, 0L))))
        .entrySet()
        .stream()
        .map(e -> new DeadLetterTopic(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(DeadLetterTopic::topic))
        .toList();
  }

  private Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    return offsets(admin, partitions, OffsetSpec.latest());
  }

  private Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
      throws ExecutionException, InterruptedException, TimeoutException {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> request =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
    return admin
        .listOffsets(request)
        .all()
        .get(timeout(), TimeUnit.MILLISECONDS)
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private long timeout() {
    return properties.timeout().toMillis();
  }
}
