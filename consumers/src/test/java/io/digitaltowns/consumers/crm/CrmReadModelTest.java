package io.digitaltowns.consumers.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserDeleted;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.catalog.ConsumerGroup;
import io.digitaltowns.events.catalog.TopicCreator;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.events.crm.CrmNoteAdded;
import io.digitaltowns.infra.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crm consumer group as deployed (the consumers application against the local stack's Kafka,
 * registry and PostgreSQL), fed a business's life as the api publishes it. What is asserted is the
 * read model the CRM service shows admins.
 */
class CrmReadModelTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static LocalStack stack;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    stack = LocalStack.shared();
    TopicCreator.ensure(stack.kafkaBootstrapServers(), Topics.all());
    consumers =
        RunningConsumers.start(
            stack,
            Map.of(
                "digitaltowns.consumers.email.enabled", "false",
                "digitaltowns.consumers.crm.enabled", "true"));
    jdbc = consumers.getBean(JdbcClient.class);
    feed = new EventFeed(stack);
  }

  @AfterAll
  static void stop() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
  }

  @Test
  void
      a_business_lifecycle_becomes_a_company_timeline_in_time_order_and_redelivery_duplicates_nothing() {
    Lifecycle life = new Lifecycle();
    List<Published> published = life.publishAll();

    // the accounts and the businesses topics have a listener each: wait for both, not only the
    // timeline
    await()
        .atMost(DEADLINE)
        .until(() -> kinds(life.businessId).size() == 7 && contactCount(life.residentId) == 1);

    assertThat(kinds(life.businessId))
        .containsExactly(
            "LISTING_CREATED",
            "SUBMITTED",
            "APPROVED",
            "MESSAGE_RECEIVED",
            "SUBSCRIPTION_ACTIVATED",
            "SUBSCRIPTION_RENEWED",
            "NOTE");
    assertThat(
            jdbc.sql(
                    "SELECT name, status, owner_email FROM consumers.crm_view_companies WHERE business_id = :id")
                .param("id", life.businessId)
                .query()
                .singleRow())
        .containsEntry("name", "Harbour Bakery")
        .containsEntry("status", "PUBLISHED")
        .containsEntry("owner_email", life.ownerEmail);
    assertThat(deal(life.businessId))
        .containsEntry("status", "active")
        .containsEntry("revenue_minor", 3000L);
    assertThat(
            jdbc.sql("SELECT display_name FROM consumers.crm_view_contacts WHERE user_id = :id")
                .param("id", life.residentId)
                .query(String.class)
                .single())
        .isEqualTo("Rita Resident");
    assertThat(detailOf(life.businessId, "MESSAGE_RECEIVED")).isEqualTo("Do you bake sourdough?");
    assertThat(detailOf(life.businessId, "NOTE"))
        .isEqualTo("Called the owner: wants a spring promotion.");

    // Kafka delivers at least once: every record again, same event ids
    List<Published> again = new ArrayList<>();
    published.forEach(record -> again.add(send(record.topic, record.key, record.event)));
    awaitConsumed(again);

    assertThat(kinds(life.businessId)).hasSize(7);
    assertThat(deal(life.businessId)).containsEntry("revenue_minor", 3000L);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consumers.crm_view_activities WHERE user_id = :id AND business_id IS NULL")
                .param("id", life.ownerId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void a_deleted_user_leaves_no_personal_data_and_a_later_message_of_theirs_brings_none_back() {
    Lifecycle life = new Lifecycle();
    life.publishAll();
    // both contacts must exist before they are erased, or "no contact left" would hold before any
    // was made
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                kinds(life.businessId).size() == 7
                    && contactCount(life.residentId) == 1
                    && contactCount(life.ownerId) == 1);

    send(
        Topics.ACCOUNTS_EVENTS,
        life.residentId,
        UserDeleted.newBuilder()
            .setEventId(id())
            .setOccurredAt(life.at(20))
            .setAggregateId(life.residentId)
            .build());
    send(
        Topics.ACCOUNTS_EVENTS,
        life.ownerId,
        UserDeleted.newBuilder()
            .setEventId(id())
            .setOccurredAt(life.at(21))
            .setAggregateId(life.ownerId)
            .build());
    await()
        .atMost(DEADLINE)
        .until(() -> contactCount(life.residentId) == 0 && contactCount(life.ownerId) == 0);
    // the resident's message arrives late (another topic), after the erasure
    Published late =
        send(Topics.BUSINESSES_EVENTS, life.businessId, life.contacted(22, "Still there?"));
    awaitConsumed(List.of(late));

    assertThat(
            jdbc.sql(
                    """
            SELECT count(*) FROM consumers.crm_view_activities
            WHERE business_id = :id AND kind = 'MESSAGE_RECEIVED' AND (actor_name IS NOT NULL OR detail IS NOT NULL)
            """)
                .param("id", life.businessId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(kinds(life.businessId)).containsSubsequence("MESSAGE_RECEIVED", "MESSAGE_RECEIVED");
    assertThat(
            jdbc.sql(
                    "SELECT owner_name, owner_email FROM consumers.crm_view_companies WHERE business_id = :id")
                .param("id", life.businessId)
                .query()
                .singleRow())
        .containsEntry("owner_name", null)
        .containsEntry("owner_email", null);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM consumers.crm_view_activities WHERE user_id IN (:ids) AND business_id IS NULL")
                .param("ids", List.of(life.residentId, life.ownerId))
                .query(Long.class)
                .single())
        .isZero();
  }

  /** One business's story, each event a few seconds after the one before. */
  private static final class Lifecycle {
    final String ownerId = id();
    final String residentId = id();
    final String businessId = id();
    final String townId = id();
    final String ownerEmail = "olive-" + ownerId.substring(0, 8) + "@example.org";
    final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));

    Instant at(int step) {
      return start.plusSeconds(step * 10L);
    }

    List<Published> publishAll() {
      String subscriptionId = "sub_" + businessId.substring(0, 8);
      List<Published> sent = new ArrayList<>();
      sent.add(
          send(
              Topics.ACCOUNTS_EVENTS,
              ownerId,
              UserRegistered.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(0))
                  .setAggregateId(ownerId)
                  .setEmail(ownerEmail)
                  .setDisplayName("Olive Owner")
                  .setSignupMethod(SignupMethod.PASSWORD)
                  .build()));
      sent.add(
          send(
              Topics.BUSINESSES_EVENTS,
              businessId,
              BusinessCreated.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(1))
                  .setAggregateId(businessId)
                  .setTownId(townId)
                  .setName("Harbour Bakery")
                  .setCategory("BAKERY")
                  .setOwnerId(ownerId)
                  .setOwnerEmail(ownerEmail)
                  .setOwnerName("Olive Owner")
                  .build()));
      sent.add(
          send(
              Topics.BUSINESSES_EVENTS,
              businessId,
              BusinessSubmitted.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(2))
                  .setAggregateId(businessId)
                  .setTownId(townId)
                  .setName("Harbour Bakery")
                  .setCategory("BAKERY")
                  .setOwnerId(ownerId)
                  .setOwnerEmail(ownerEmail)
                  .setOwnerName("Olive Owner")
                  .build()));
      sent.add(
          send(
              Topics.BUSINESSES_EVENTS,
              businessId,
              BusinessApproved.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(3))
                  .setAggregateId(businessId)
                  .setTownId(townId)
                  .setName("Harbour Bakery")
                  .setCategory("BAKERY")
                  .setOwnerId(ownerId)
                  .setOwnerEmail(ownerEmail)
                  .setOwnerName("Olive Owner")
                  .setApprovedBy(id())
                  .build()));
      sent.add(
          send(
              Topics.ACCOUNTS_EVENTS,
              residentId,
              UserRegistered.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(4))
                  .setAggregateId(residentId)
                  .setEmail("rita-" + residentId.substring(0, 8) + "@example.org")
                  .setDisplayName("Rita Resident")
                  .setSignupMethod(SignupMethod.GOOGLE)
                  .build()));
      sent.add(send(Topics.BUSINESSES_EVENTS, businessId, contacted(5, "Do you bake sourdough?")));
      sent.add(
          send(
              Topics.BILLING_EVENTS,
              businessId,
              SubscriptionActivated.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(6))
                  .setAggregateId(businessId)
                  .setBusinessId(businessId)
                  .setSubscriptionId(subscriptionId)
                  .setCustomerId("cus_1")
                  .setStatus("active")
                  .setCurrentPeriodEnd(at(6).plus(Duration.ofDays(30)))
                  .setAmount(1500L)
                  .setCurrency("eur")
                  .build()));
      sent.add(
          send(
              Topics.BILLING_EVENTS,
              businessId,
              SubscriptionRenewed.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(7))
                  .setAggregateId(businessId)
                  .setBusinessId(businessId)
                  .setSubscriptionId(subscriptionId)
                  .setCustomerId("cus_1")
                  .setCurrentPeriodEnd(at(7).plus(Duration.ofDays(60)))
                  .setAmount(1500L)
                  .setCurrency("eur")
                  .setInvoiceId("in_2")
                  .build()));
      sent.add(
          send(
              Topics.CRM_EVENTS,
              businessId,
              CrmNoteAdded.newBuilder()
                  .setEventId(id())
                  .setOccurredAt(at(8))
                  .setAggregateId(businessId)
                  .setNoteId(id())
                  .setBusinessId(businessId)
                  .setAuthorId(id())
                  .setAuthorName("Ada Admin")
                  .setText("Called the owner: wants a spring promotion.")
                  .build()));
      return sent;
    }

    BusinessContacted contacted(int step, String message) {
      return BusinessContacted.newBuilder()
          .setEventId(id())
          .setOccurredAt(at(step))
          .setAggregateId(businessId)
          .setTownId(townId)
          .setName("Harbour Bakery")
          .setCategory("BAKERY")
          .setOwnerId(ownerId)
          .setOwnerEmail(ownerEmail)
          .setOwnerName("Olive Owner")
          .setMessageId(id())
          .setSenderId(residentId)
          .setSenderName("Rita Resident")
          .setSenderEmail("rita@example.org")
          .setMessage(message)
          .build();
    }
  }

  private record Published(
      String topic, String key, SpecificRecord event, RecordMetadata metadata) {}

  private static Published send(String topic, String key, SpecificRecord event) {
    return new Published(topic, key, event, feed.send(topic, key, event));
  }

  /** Waits until the crm group has committed past each of the records. */
  private static void awaitConsumed(List<Published> records) {
    records.forEach(record -> feed.awaitCommittedPast(ConsumerGroup.CRM.id(), record.metadata));
  }

  private static List<String> kinds(String businessId) {
    return jdbc.sql(
            "SELECT kind FROM consumers.crm_view_activities WHERE business_id = :id ORDER BY occurred_at, seq")
        .param("id", businessId)
        .query(String.class)
        .list();
  }

  private static Map<String, Object> deal(String businessId) {
    return jdbc.sql(
            "SELECT status, revenue_minor FROM consumers.crm_view_deals WHERE business_id = :id")
        .param("id", businessId)
        .query()
        .singleRow();
  }

  private static String detailOf(String businessId, String kind) {
    return jdbc.sql(
            "SELECT detail FROM consumers.crm_view_activities WHERE business_id = :id AND kind = :kind")
        .param("id", businessId)
        .param("kind", kind)
        .query(String.class)
        .single();
  }

  private static long contactCount(String userId) {
    return jdbc.sql("SELECT count(*) FROM consumers.crm_view_contacts WHERE user_id = :id")
        .param("id", userId)
        .query(Long.class)
        .single();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
