package io.digitaltowns.consumers.email;

import static io.digitaltowns.consumers.email.EmailGroupProbe.DEADLINE;
import static io.digitaltowns.consumers.email.EmailGroupProbe.awaitMail;
import static io.digitaltowns.consumers.email.EmailGroupProbe.committedOffset;
import static io.digitaltowns.consumers.email.EmailGroupProbe.deadLetterKeys;
import static io.digitaltowns.consumers.email.EmailGroupProbe.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The email consumer group and subscriptions: the consumers application against the real Kafka
 * broker, schema registry, PostgreSQL and SMTP server, fed Avro records on dt.billing.events the
 * way the relay publishes them. What is asserted is what arrives in the mailbox.
 */
class BillingMailsTest {

  private static final String TOPIC = Topics.BILLING_EVENTS;
  private static final String DEAD_LETTERS = TOPIC + ".email.dlt";
  private static final String RECEIPT = "Receipt: your DigitalTowns subscription";
  private static final String PAYMENT_FAILED = "Your payment did not go through";
  private static final String CANCELED = "Your subscription is canceled";

  private static LocalStack stack;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;

  @BeforeAll
  static void startConsumers() throws Exception {
    stack = LocalStack.shared();
    feed = new EventFeed(stack);
    createDeadLetterTopic();
    consumers = RunningConsumers.start(stack, Map.of());
  }

  @AfterAll
  static void stopConsumers() {
    if (feed != null) {
      feed.close();
    }
    if (consumers != null) {
      consumers.close();
    }
  }

  @Test
  void a_new_subscription_is_receipted_to_the_owner_with_the_first_amount() {
    Subscription subscription = new Subscription();

    publish(subscription.businessId, subscription.activated(1900L, "eur"));

    ReceivedMail mail = awaitMail(subscription.ownerEmail, RECEIPT);
    assertThat(mail.to()).containsExactly(subscription.ownerEmail);
    assertThat(text(mail))
        .contains("subscription is active")
        .contains("Amount paid: EUR 19.00")
        .contains("Paid until: 31 December 2026 (UTC)")
        .contains(subscription.page());
  }

  @Test
  void a_renewal_is_receipted_with_the_amount_in_the_currencys_major_unit() {
    Subscription euros = new Subscription();
    Subscription yen = new Subscription();

    publish(euros.businessId, euros.renewed(1900L, "eur"));
    publish(yen.businessId, yen.renewed(500L, "jpy"));

    ReceivedMail receipt = awaitMail(euros.ownerEmail, RECEIPT);
    assertThat(text(receipt))
        .contains("was renewed")
        .contains("Amount paid: EUR 19.00")
        .contains("Paid until: 31 December 2026 (UTC)")
        .contains("Invoice: in_renewal")
        .contains(euros.page());
    // the yen has no minor unit: 500 is 500 yen, not 5.00
    assertThat(text(awaitMail(yen.ownerEmail, RECEIPT))).contains("Amount paid: JPY 500\n");
  }

  @Test
  void a_failed_payment_is_mailed_with_the_link_to_the_subscription_page() {
    Subscription subscription = new Subscription();

    publish(
        subscription.businessId, subscription.paymentFailed(Instant.parse("2026-12-03T09:00:00Z")));

    ReceivedMail mail = awaitMail(subscription.ownerEmail, PAYMENT_FAILED);
    assertThat(text(mail))
        .contains("payment of EUR 19.00")
        .contains("try again on 3 December 2026 (UTC)")
        .contains(
            RunningConsumers.PUBLIC_BASE_URL
                + "/my/businesses/"
                + subscription.businessId
                + "/subscription");
  }

  @Test
  void a_cancellation_is_confirmed_with_the_day_the_subscription_stops() {
    Subscription atPeriodEnd = new Subscription();
    Subscription atOnce = new Subscription();

    publish(
        atPeriodEnd.businessId,
        atPeriodEnd.canceled(Instant.parse("2026-12-31T10:00:00Z"), "cancellation_requested"));
    publish(atOnce.businessId, atOnce.canceled(null, "payment_failed"));

    assertThat(text(awaitMail(atPeriodEnd.ownerEmail, CANCELED)))
        .contains("stays active, and your listing featured, until 31 December 2026 (UTC)")
        .contains(atPeriodEnd.page());
    assertThat(text(awaitMail(atOnce.ownerEmail, CANCELED)))
        .contains("It has ended")
        .contains("the payments for it failed")
        .doesNotContain("stays active");
  }

  @Test
  void a_redelivered_renewal_is_receipted_once() {
    Subscription subscription = new Subscription();
    SubscriptionRenewed renewed = subscription.renewed(1900L, "eur");

    publish(subscription.businessId, renewed);
    publish(subscription.businessId, renewed);
    // same key, same partition, consumed in order: once the cancellation is mailed, both copies
    // were handled
    publish(subscription.businessId, subscription.canceled(null, null));

    awaitMail(subscription.ownerEmail, CANCELED);
    assertThat(mailsTo(subscription.ownerEmail))
        .extracting(ReceivedMail::subject)
        .containsExactlyInAnyOrder(RECEIPT, CANCELED);
  }

  @Test
  void an_ended_subscription_is_acknowledged_and_skipped_not_dead_lettered() throws Exception {
    Subscription subscription = new Subscription();

    RecordMetadata skipped = publish(subscription.businessId, subscription.ended());
    publish(subscription.businessId, subscription.canceled(null, null));

    // a record that failed would be retried with backoff for minutes before the next one is read
    awaitMail(subscription.ownerEmail, CANCELED);
    TopicPartition partition = new TopicPartition(skipped.topic(), skipped.partition());
    await().atMost(DEADLINE).until(() -> committedOffset(partition) > skipped.offset());
    assertThat(mailsTo(subscription.ownerEmail))
        .extracting(ReceivedMail::subject)
        .containsExactly(CANCELED);
    assertThat(deadLetterKeys(DEAD_LETTERS)).doesNotContain(subscription.businessId);
  }

  @Test
  void billing_mails_log_neither_the_owners_address_nor_the_amount() {
    Subscription subscription = new Subscription();
    SubscriptionRenewed renewed = subscription.renewed(4217L, "eur");
    PaymentFailed failed = subscription.paymentFailed(null);

    List<String> lines;
    try (LogLines log = new LogLines()) {
      publish(subscription.businessId, renewed);
      publish(subscription.businessId, failed);
      assertThat(text(awaitMail(subscription.ownerEmail, PAYMENT_FAILED)))
          .contains("no further automatic attempt");
      await()
          .atMost(DEADLINE)
          .until(() -> log.lines().stream().anyMatch(line -> line.contains(failed.getEventId())));
      lines = log.lines();
    }

    assertThat(lines).anyMatch(line -> line.contains(renewed.getEventId()));
    assertThat(lines)
        .noneMatch(line -> line.contains(subscription.ownerEmail) || line.contains("42.17"));
  }

  @Test
  void a_billing_event_without_an_owner_address_is_acknowledged_without_a_mail() throws Exception {
    Subscription subscription = new Subscription();
    SubscriptionRenewed anonymous =
        SubscriptionRenewed.newBuilder(subscription.renewed(1900L, "eur"))
            .setOwnerEmail(null)
            .build();

    RecordMetadata skipped = publish(subscription.businessId, anonymous);
    publish(subscription.businessId, subscription.canceled(null, null));

    awaitMail(subscription.ownerEmail, CANCELED);
    TopicPartition partition = new TopicPartition(skipped.topic(), skipped.partition());
    await().atMost(DEADLINE).until(() -> committedOffset(partition) > skipped.offset());
    assertThat(mailsTo(subscription.ownerEmail))
        .extracting(ReceivedMail::subject)
        .containsExactly(CANCELED);
    assertThat(deadLetterKeys(DEAD_LETTERS)).doesNotContain(subscription.businessId);
  }

  /**
   * One business's subscription and its owner, with the billing events the email group reacts to.
   */
  private static final class Subscription {

    static final Instant PERIOD_END = Instant.parse("2026-12-31T10:00:00Z");

    final String businessId = UUID.randomUUID().toString();
    final String subscriptionId =
        "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    final String customerId =
        "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    final String ownerEmail = "owner-" + UUID.randomUUID() + "@example.org";

    String page() {
      return RunningConsumers.PUBLIC_BASE_URL + "/my/businesses/" + businessId + "/subscription";
    }

    SubscriptionActivated activated(Long amount, String currency) {
      return SubscriptionActivated.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(businessId)
          .setBusinessId(businessId)
          .setSubscriptionId(subscriptionId)
          .setCustomerId(customerId)
          .setOwnerEmail(ownerEmail)
          .setStripeEventId("evt_activated")
          .setStatus("active")
          .setCurrentPeriodEnd(PERIOD_END)
          .setAmount(amount)
          .setCurrency(currency)
          .build();
    }

    SubscriptionRenewed renewed(long amount, String currency) {
      return SubscriptionRenewed.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(businessId)
          .setBusinessId(businessId)
          .setSubscriptionId(subscriptionId)
          .setCustomerId(customerId)
          .setOwnerEmail(ownerEmail)
          .setStripeEventId("evt_renewed")
          .setCurrentPeriodEnd(PERIOD_END)
          .setAmount(amount)
          .setCurrency(currency)
          .setInvoiceId("in_renewal")
          .build();
    }

    PaymentFailed paymentFailed(Instant nextAttempt) {
      return PaymentFailed.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(businessId)
          .setBusinessId(businessId)
          .setSubscriptionId(subscriptionId)
          .setCustomerId(customerId)
          .setOwnerEmail(ownerEmail)
          .setStripeEventId("evt_failed")
          .setAmount(1900L)
          .setCurrency("eur")
          .setInvoiceId("in_failed")
          .setNextPaymentAttempt(nextAttempt)
          .setPortalUrl(null)
          .build();
    }

    SubscriptionCanceled canceled(Instant cancelAt, String reason) {
      return SubscriptionCanceled.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(businessId)
          .setBusinessId(businessId)
          .setSubscriptionId(subscriptionId)
          .setCustomerId(customerId)
          .setOwnerEmail(ownerEmail)
          .setStripeEventId("evt_canceled")
          .setCancelAt(cancelAt)
          .setReason(reason)
          .build();
    }

    SubscriptionEnded ended() {
      return SubscriptionEnded.newBuilder()
          .setEventId(eventId())
          .setOccurredAt(now())
          .setAggregateId(businessId)
          .setBusinessId(businessId)
          .setSubscriptionId(subscriptionId)
          .setCustomerId(customerId)
          .setOwnerEmail(ownerEmail)
          .setStripeEventId("evt_ended")
          .setEndedAt(now())
          .setReason("cancellation_requested")
          .build();
    }
  }

  /**
   * The dead-letter topic is not (yet) among the stack's topics, and the dead-letter publisher
   * creates none.
   */
  private static void createDeadLetterTopic() {
    feed.ensureTopics(DEAD_LETTERS);
  }

  private static RecordMetadata publish(String key, SpecificRecord event) {
    return feed.send(TOPIC, key, event);
  }

  /** Mail travels with CRLF line ends. */
  private static String text(ReceivedMail mail) {
    return mail.text().replace("\r\n", "\n");
  }

  private static String eventId() {
    return UUID.randomUUID().toString();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
