package io.digitaltowns.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.ops.Ops;
import io.digitaltowns.ops.OpsExit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DltCommandTest {

  private DeadLetters deadLetters;

  @BeforeEach
  void topics() throws Exception {
    deadLetters = new DeadLetters();
  }

  @AfterEach
  void close() {
    deadLetters.close();
  }

  @Test
  void list_shows_each_dead_letter_with_its_origin_event_type_and_failure_reason() {
    DeadLetters.Letter letter =
        deadLetters.deadLetterRegistration(
            "ada@example.org",
            1,
            42,
            "SMTP server refused the recipient: 550 5.1.1 mailbox unavailable");

    Ops.Run list = Ops.kafka("dlt", "list", deadLetters.dlt);

    assertThat(list.exitCode()).as(list.toString()).isEqualTo(OpsExit.OK);
    assertThat(list.out())
        .as(list.toString())
        .contains("0:0")
        .contains(deadLetters.topic + " 1@42")
        .contains(UserRegistered.getClassSchema().getFullName())
        .contains(letter.aggregateId())
        .contains("waiting")
        .contains("IllegalStateException")
        .contains("SMTP server refused the recipient: 550 5.1.1 mailbox unavailable");

    Ops.Run overview = Ops.kafka("dlt", "list");
    assertThat(overview.out())
        .as(overview.toString())
        .containsPattern(deadLetters.dlt.replace(".", "\\.") + " +1 +0 +1");
  }

  @Test
  void show_decodes_the_dead_lettered_event_as_json_beside_the_failure_reason() {
    DeadLetters.Letter letter =
        deadLetters.deadLetterRegistration(
            "grace@example.org", 2, 7, "template welcome.txt is missing");

    Ops.Run show = Ops.kafkaAndRegistry("dlt", "show", deadLetters.dlt, "0", "0");

    assertThat(show.exitCode()).as(show.toString()).isEqualTo(OpsExit.OK);
    assertThat(show.out())
        .as(show.toString())
        .contains("original:          " + deadLetters.topic + " 2@7, consumer group email")
        .contains(
            "event:             "
                + UserRegistered.getClassSchema().getFullName()
                + ", id "
                + letter.eventId())
        .contains(
            "reason:            IllegalStateException: Listener failed; template welcome.txt is missing")
        .contains("schema id")
        .contains("\"email\" : \"grace@example.org\"")
        .contains("\"displayName\" : \"Ada Lovelace\"")
        .contains("\"aggregateId\" : \"" + letter.aggregateId() + "\"");
  }

  @Test
  void redrive_sends_a_record_back_to_its_original_topic_exactly_once() throws Exception {
    DeadLetters.Letter letter =
        deadLetters.deadLetterRegistration("ada@example.org", 1, 42, "SMTP down");

    Ops.Run first =
        Ops.kafka("dlt", "redrive", deadLetters.dlt, "--partition", "0", "--offset", "0");
    Ops.Run second =
        Ops.kafka("dlt", "redrive", deadLetters.dlt, "--partition", "0", "--offset", "0");
    Ops.Run all = Ops.kafka("dlt", "redrive", deadLetters.dlt, "--all");

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(OpsExit.OK);
    assertThat(first.out())
        .contains("redriven " + deadLetters.dlt + " 0:0 -> " + deadLetters.topic);
    assertThat(second.out()).as(second.toString()).contains("was already redriven; nothing sent");
    assertThat(all.out())
        .as(all.toString())
        .contains("Redriven 0 records")
        .contains("1 were already redriven");

    List<ConsumerRecord<byte[], byte[]>> redriven = deadLetters.recordsOnTheOriginalTopic();
    assertThat(redriven).hasSize(1);
    ConsumerRecord<byte[], byte[]> record = redriven.get(0);
    assertThat(record.key()).isEqualTo(letter.key());
    assertThat(record.value()).isEqualTo(letter.value());
    assertThat(new String(record.headers().lastHeader("eventId").value(), StandardCharsets.UTF_8))
        .isEqualTo(letter.eventId());
    assertThat(record.headers().toArray())
        .extracting(Header::key)
        .noneMatch(key -> key.startsWith("kafka_dlt-"));

    Ops.Run list = Ops.kafka("dlt", "list", deadLetters.dlt);
    assertThat(list.out()).contains("redriven");
  }

  @Test
  void redrive_all_sends_every_record_not_redriven_yet_and_nothing_twice() throws Exception {
    deadLetters.deadLetterRegistration("a@example.org", 0, 1, "SMTP down");
    deadLetters.deadLetterRegistration("b@example.org", 1, 2, "SMTP down");
    deadLetters.deadLetterRegistration("c@example.org", 2, 3, "SMTP down");

    Ops.Run plan = Ops.kafka("dlt", "redrive", deadLetters.dlt, "--all", "--dry-run");
    assertThat(plan.out()).as(plan.toString()).contains("3 records would be redriven");
    assertThat(deadLetters.recordsOnTheOriginalTopic()).isEmpty();

    Ops.Run one = Ops.kafka("dlt", "redrive", deadLetters.dlt, "--partition", "0", "--offset", "1");
    Ops.Run rest = Ops.kafka("dlt", "redrive", deadLetters.dlt, "--all");
    Ops.Run again = Ops.kafka("dlt", "redrive", deadLetters.dlt, "--all");

    assertThat(one.exitCode()).as(one.toString()).isEqualTo(OpsExit.OK);
    assertThat(rest.out())
        .as(rest.toString())
        .contains("Redriven 2 records")
        .contains("1 were already redriven");
    assertThat(again.out()).as(again.toString()).contains("Redriven 0 records");
    assertThat(deadLetters.recordsOnTheOriginalTopic()).hasSize(3);
  }

  @Test
  void purge_deletes_only_what_was_redriven_unless_told_all() throws Exception {
    deadLetters.deadLetterRegistration("a@example.org", 0, 1, "SMTP down");
    deadLetters.deadLetterRegistration("b@example.org", 0, 2, "SMTP down");
    Ops.kafka("dlt", "redrive", deadLetters.dlt, "--partition", "0", "--offset", "0");

    Ops.Run purge = Ops.kafka("dlt", "purge", deadLetters.dlt);

    assertThat(purge.exitCode()).as(purge.toString()).isEqualTo(OpsExit.OK);
    assertThat(purge.out()).contains("Deleted 1 records").contains("(0 never redriven)");
    assertThat(deadLetters.startOffsetOfTheDeadLetterTopic()).isEqualTo(1);

    Ops.Run dryRun = Ops.kafka("dlt", "purge", deadLetters.dlt, "--all", "--dry-run");
    assertThat(dryRun.out())
        .as(dryRun.toString())
        .contains("1 records would be deleted (1 never redriven)");
    assertThat(deadLetters.startOffsetOfTheDeadLetterTopic()).isEqualTo(1);
  }
}
