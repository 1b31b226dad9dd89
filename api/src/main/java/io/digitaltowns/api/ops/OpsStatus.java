package io.digitaltowns.api.ops;

import java.time.Instant;
import java.util.List;

/**
 * What an operator sees at a glance: is the relay keeping up, are consumers behind, is anything
 * dead-lettered.
 */
public record OpsStatus(Instant checkedAt, RelayStatus relay, KafkaStatus kafka) {

  /**
   * @param lockHeldBy application name / address of the session holding the relay's lock (null: no
   *     relay active)
   * @param slotLagBytes WAL written since the relay last confirmed (null: no slot yet)
   * @param outboxRows rows waiting or kept for the retention period
   * @param oldestOutboxRow occurredAt of the oldest of them
   * @param mode the relay's RELAY_MODE: debezium (the slot matters) or polling (every outbox row is
   *     waiting)
   */
  public record RelayStatus(
      String slot,
      Boolean slotActive,
      Long slotLagBytes,
      String walStatus,
      String lockHeldBy,
      long outboxRows,
      Instant oldestOutboxRow,
      String mode) {}

  /**
   * @param error why Kafka could not be asked (null when it answered)
   */
  public record KafkaStatus(
      String error, List<ConsumerGroupStatus> consumerGroups, List<DeadLetterTopic> deadLetters) {}

  /**
   * @param lag records not yet consumed, summed over the group's partitions of that topic
   */
  public record ConsumerGroupStatus(
      String group, String state, int members, List<TopicLag> topics, long totalLag) {}

  public record TopicLag(String topic, long lag) {}

  /**
   * @param records records currently held (end minus start offsets): dead letters waiting for an
   *     operator
   */
  public record DeadLetterTopic(String topic, long records) {}
}
