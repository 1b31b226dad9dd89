package io.digitaltowns.events.catalog;

/**
 * How many copies of each partition the cluster keeps ({@code factor}) and how many of them must
 * have a write before an {@code acks=all} producer is answered ({@code minInsyncReplicas}). One
 * broker: 1/1. A cluster: 3/2, so a write acknowledged to the relay survives the loss of any one
 * broker, and writes go on while one is down.
 */
public record TopicReplication(short factor, int minInsyncReplicas) {

  public static final TopicReplication SINGLE_BROKER = new TopicReplication((short) 1, 1);
  public static final TopicReplication CLUSTER = new TopicReplication((short) 3, 2);

  public TopicReplication {
    if (factor < 1) {
      throw new IllegalArgumentException("the replication factor must be 1 or more, was " + factor);
    }
    if (minInsyncReplicas < 1 || minInsyncReplicas > factor) {
      throw new IllegalArgumentException(
          "min.insync.replicas must be between 1 and the replication factor ("
              + factor
              + "), was "
              + minInsyncReplicas);
    }
  }

  /**
   * The replication an operator configured ({@code KAFKA_REPLICATION_FACTOR}, {@code
   * KAFKA_MIN_INSYNC_REPLICAS}); either may be null: no factor means one broker's 1, no minimum
   * means one less than the factor (at least 1), so that writes go on with one replica down.
   */
  public static TopicReplication configured(Short factor, Integer minInsyncReplicas) {
    short replicas = factor == null ? 1 : factor;
    int minimum = minInsyncReplicas != null ? minInsyncReplicas : Math.max(1, replicas - 1);
    return new TopicReplication(replicas, minimum);
  }

  /**
   * What a cluster of {@code brokers} brokers can give: 3/2 from three brokers on, else one copy
   * per broker.
   */
  public static TopicReplication forBrokers(int brokers) {
    if (brokers >= 3) {
      return CLUSTER;
    }
    return new TopicReplication((short) brokers, 1);
  }
}
