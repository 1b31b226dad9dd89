package io.digitaltowns.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.events.EventCatalog;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.crm.CrmNoteAdded;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void each_event_class_knows_its_one_topic_and_aggregate_type() {
    assertThat(Topics.of(UserRegistered.class)).isEqualTo(Topics.ACCOUNTS);
    assertThat(Topics.of(UserRegistered.class).name()).isEqualTo("dt.accounts.events");
    assertThat(Topics.of(BusinessDeleted.class).aggregateType()).isEqualTo("businesses");
    assertThat(Topics.of(CrmNoteAdded.class)).isEqualTo(Topics.CRM);
    for (Schema schema : EventCatalog.schemas()) {
      Class<? extends SpecificRecord> type = eventClass(schema);
      assertThat(Topics.eventTopics().stream().filter(topic -> topic.carries(type)))
          .as(schema.getFullName())
          .hasSize(1);
    }
  }

  @Test
  void the_relay_finds_each_event_topic_by_its_aggregate_type_and_nothing_else() {
    for (Topic<String, SpecificRecord> topic : Topics.eventTopics()) {
      assertThat(Topics.forAggregateType(topic.aggregateType())).contains(topic);
    }
    assertThat(Topics.forAggregateType("bench")).isEmpty();
  }

  @Test
  void
      dead_letters_are_named_topic_dot_group_dot_dlt_and_only_exist_for_a_group_that_reads_the_topic() {
    assertThat(Topics.ACCOUNTS.deadLetters(ConsumerGroup.EMAIL).name())
        .isEqualTo("dt.accounts.events.email.dlt");
    assertThat(Topics.BUSINESSES.deadLetters(ConsumerGroup.PHOTO_CLEANUP).name())
        .isEqualTo("dt.businesses.events.photo-cleanup.dlt");
    assertThat(Topics.CRM.deadLetters(ConsumerGroup.CRM).name()).isEqualTo("dt.crm.events.crm.dlt");
    assertThatThrownBy(() -> Topics.TOWNS.deadLetters(ConsumerGroup.EMAIL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topics.ANALYTICS_SIGNUPS.deadLetters(ConsumerGroup.ANALYTICS_SINK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void
      the_definitions_are_exactly_the_event_topics_the_dead_letters_of_every_group_and_the_figures() {
    List<String> defined = Topics.all().stream().map(TopicDefinition::name).toList();
    List<String> expected =
        Stream.of(
                Topics.eventTopics().stream(),
                Stream.of(ConsumerGroup.values())
                    .flatMap(group -> group.deadLetterTopics().stream()),
                ConsumerGroup.ANALYTICS_SINK.topics().stream())
            .flatMap(topics -> topics.map(Topic::name))
            .toList();

    assertThat(defined).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(defined).allSatisfy(name -> assertThat(Topics.named(name)).as(name).isPresent());
  }

  @Test
  void a_group_is_found_by_its_kafka_id() {
    assertThat(ConsumerGroup.byId("crm-sync")).isEqualTo(ConsumerGroup.CRM_SYNC);
    assertThat(ConsumerGroup.CRM.id()).isEqualTo(ConsumerGroup.Names.CRM);
    assertThatThrownBy(() -> ConsumerGroup.byId("nobody"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends SpecificRecord> eventClass(Schema schema) {
    return (Class<? extends SpecificRecord>) SpecificData.get().getClass(schema);
  }
}
