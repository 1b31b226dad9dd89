package io.digitaltowns.consumers.events;

/** Dead letters of a consumer group live beside the topic they came from. */
public final class DeadLetterTopics {

  private DeadLetterTopics() {
  }

  public static String of(String topic, String group) {
    return topic + "." + group + ".dlt";
  }
}
