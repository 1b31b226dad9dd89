package io.digitaltowns.consumers.events;

import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.Topics;

/** Dead letters of a consumer group live beside the topic they came from, as the catalog names them. */
public final class DeadLetterTopics {

  private DeadLetterTopics() {
  }

  /**
   * @param topic the topic the record came from
   * @param group the id of the group that could not process it
   * @throws IllegalArgumentException when the catalog has no such topic or group, or the group does not read the topic
   */
  public static String of(String topic, String group) {
    return Topics.named(topic)
        .orElseThrow(() -> new IllegalArgumentException("not a topic of the catalog: " + topic))
        .deadLetters(ConsumerGroup.byId(group)).name();
  }
}
