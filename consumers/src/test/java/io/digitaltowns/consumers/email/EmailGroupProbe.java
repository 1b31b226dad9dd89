package io.digitaltowns.consumers.email;

import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * What the email tests look at from outside the consumer: the shared mailbox, the group's offsets,
 * its dead letters.
 */
final class EmailGroupProbe {

  static final Duration DEADLINE = EventFeed.DEADLINE;

  // reads only: no producer is made
  private static final EventFeed KAFKA = new EventFeed(LocalStack.shared());

  private EmailGroupProbe() {}

  static ReceivedMail awaitMail(String to, String subject) {
    return await()
        .atMost(DEADLINE)
        .until(
            () -> mailsTo(to).stream().filter(mail -> subject.equals(mail.subject())).findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  static List<ReceivedMail> mailsTo(String email) {
    return LocalStack.shared().mail().messages().stream()
        .filter(mail -> mail.to().stream().anyMatch(email::equalsIgnoreCase))
        .toList();
  }

  /**
   * @return the email group's committed offset of the partition, or -1 when it has none
   */
  static long committedOffset(TopicPartition partition) {
    return KAFKA.committedOffset(ConsumerGroup.EMAIL.id(), partition);
  }

  /**
   * The keys of every record in a dead-letter topic, read from the beginning to its current end.
   */
  static List<String> deadLetterKeys(String topic) {
    return KAFKA.keysIn(topic);
  }

  /**
   * The reason header ({@link io.digitaltowns.consumers.events.FailureReason#HEADER}) of every
   * record in a dead-letter topic by record key, read from the beginning to its current end; a key
   * dead-lettered twice keeps its last reason.
   */
  static Map<String, String> deadLetterReasons(String topic) {
    return KAFKA.deadLetterReasons(topic);
  }
}
