package io.digitaltowns.consumers.events;

import io.digitaltowns.events.catalog.Topic;

/**
 * Dead letters of a consumer group live beside the topic they came from; the catalog names them.
 */
public final class DeadLetterTopics {

  private DeadLetterTopics() {}

  public static String of(String topic, String group) {
    return Topic.deadLettersName(topic, group);
  }
}
