package io.digitaltowns.api.billing.apply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.billing.BillingAccounts;
import io.digitaltowns.api.billing.BillingHttpTest;
import io.digitaltowns.api.billing.StripeSignatures;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole subscription lifecycle, applied by the ledger in Stripe's order, shuffled, and with every
 * event delivered twice: each run ends in Stripe's final state and emits the same billing events
 * once each.
 */
class SubscriptionLedgerTest extends BillingHttpTest {

  /**
   * Activated once; Renewed for the second invoice and for the third (paid on retry); the rest
   * once.
   */
  private static final Map<String, Long> LIFECYCLE_EVENTS =
      Map.of(
          "SubscriptionActivated", 1L,
          "SubscriptionRenewed", 2L,
          "PaymentFailed", 1L,
          "SubscriptionCanceled", 1L,
          "SubscriptionEnded", 1L);

  @Autowired private SubscriptionLedger ledger;

  @Autowired private StripeEventApplier applier;

  @Autowired private BillingAccounts accounts;

  @Autowired private SchemaRegistryClient schemaRegistry;

  private UUID businessId;
  private StripeLifecycle lifecycle;

  @BeforeEach
  void aSubscribingBusiness() {
    businessId = publishedBusiness("Bakery " + UUID.randomUUID().toString().substring(0, 6));
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    lifecycle =
        new StripeLifecycle(
            unique, businessId.toString(), Instant.now().getEpochSecond() - 100 * 86_400);
    // what checkout did: the business's Stripe customer
    accounts.attachCustomer(businessId, lifecycle.customerId);
    // asked when an invoice comes before any state of its subscription: Stripe answers the
    // subscription as it is now
    stripe.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/v1/subscriptions/" + lifecycle.subscriptionId))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_1DigitalTownsFetch")
                    .withBody(lifecycle.finalSubscriptionObject())));
  }

  @Test
  void a_lifecycle_applied_in_order_ends_canceled_unfeatured_with_each_transition_emitted_once() {
    for (String event : lifecycle.events()) {
      assertThat(ledger.apply(event)).isNotEqualTo(SubscriptionLedger.Outcome.DUPLICATE);
    }

    assertEndedAndUnfeatured();
    assertThat(emittedTypes()).isEqualTo(LIFECYCLE_EVENTS);
    assertThat(stripeWasAskedForTheSubscription())
        .as("every invoice came after a snapshot")
        .isZero();
  }

  @Test
  void a_lifecycle_applied_shuffled_converges_to_the_same_state_and_events() {
    List<String> events = new ArrayList<>(lifecycle.events());
    Collections.shuffle(events, new Random(20260729L));

    events.forEach(ledger::apply);

    assertEndedAndUnfeatured();
    assertThat(emittedTypes()).isEqualTo(LIFECYCLE_EVENTS);
  }

  @Test
  void a_lifecycle_with_every_event_delivered_twice_emits_each_transition_once() {
    for (String event : lifecycle.events()) {
      ledger.apply(event);
      assertThat(ledger.apply(event)).isEqualTo(SubscriptionLedger.Outcome.DUPLICATE);
    }

    assertEndedAndUnfeatured();
    assertThat(emittedTypes()).isEqualTo(LIFECYCLE_EVENTS);
  }

  @Test
  void many_shuffles_with_duplicates_all_converge() {
    for (long seed = 1; seed <= 5; seed++) {
      aSubscribingBusiness();
      List<String> events = new ArrayList<>(lifecycle.events());
      events.addAll(lifecycle.events());
      Collections.shuffle(events, new Random(seed));

      events.forEach(ledger::apply);

      assertEndedAndUnfeatured();
      assertThat(emittedTypes()).as("seed %d", seed).isEqualTo(LIFECYCLE_EVENTS);
    }
  }

  @Test
  void renewals_carry_amount_currency_and_invoice_and_activation_carries_the_first_payment() {
    lifecycle.events().forEach(ledger::apply);

    List<SubscriptionRenewed> renewals = emitted(SubscriptionRenewed.class);
    assertThat(renewals)
        .extracting(SubscriptionRenewed::getInvoiceId)
        .containsExactlyInAnyOrder(
            "in_1" + lifecycle.prefix + "second", "in_1" + lifecycle.prefix + "third");
    assertThat(renewals)
        .allSatisfy(
            renewed -> {
              assertThat(renewed.getAmount()).isEqualTo(StripeLifecycle.PRICE);
              assertThat(renewed.getCurrency()).isEqualTo("eur");
              assertThat(renewed.getBusinessId()).isEqualTo(businessId.toString());
              assertThat(renewed.getSubscriptionId()).isEqualTo(lifecycle.subscriptionId);
              assertThat(renewed.getCustomerId()).isEqualTo(lifecycle.customerId);
              assertThat(renewed.getOwnerEmail()).isEqualTo(owner.email());
            });
    SubscriptionActivated activated = emitted(SubscriptionActivated.class).get(0);
    assertThat(activated.getAmount()).isEqualTo(StripeLifecycle.PRICE);
    assertThat(activated.getCurrency()).isEqualTo("eur");
    assertThat(activated.getStatus()).isEqualTo("active");
    PaymentFailed failed = emitted(PaymentFailed.class).get(0);
    assertThat(failed.getAmount()).isEqualTo(StripeLifecycle.PRICE);
    assertThat(failed.getInvoiceId()).isEqualTo("in_1" + lifecycle.prefix + "third");
    assertThat(failed.getNextPaymentAttempt()).isNotNull();
  }

  @Test
  void the_business_is_featured_while_active_and_while_past_due_within_the_grace() {
    long now = Instant.now().getEpochSecond();
    lifecycle =
        new StripeLifecycle(
            lifecycle.prefix, businessId.toString(), now - 61 * StripeLifecycle.DAY);
    List<String> events = lifecycle.events();
    assertThat(featured()).isFalse();

    events.subList(0, 4).forEach(ledger::apply); // checkout, incomplete, first invoice, active
    assertThat(featured()).as("active").isTrue();
    events
        .subList(4, 7)
        .forEach(ledger::apply); // renewal, failed payment, past_due (a day ago: within 7 days)
    assertThat(status()).isEqualTo("past_due");
    assertThat(featured()).as("past_due within the grace").isTrue();

    // once the grace is over the scheduled pass unfeatures it
    jdbc.sql(
            "UPDATE billing_subscriptions SET past_due_since = now() - interval '8 days' WHERE subscription_id = :id")
        .param("id", lifecycle.subscriptionId)
        .update();
    applier.applyPending();
    featuredFlag.endExpiredGraces();
    assertThat(featured()).as("past_due beyond the grace").isFalse();
  }

  @Autowired private FeaturedFlag featuredFlag;

  @Test
  void an_older_snapshot_delivered_late_does_not_overwrite_a_newer_state() {
    List<String> events = lifecycle.events();
    ledger.apply(events.get(8)); // active again, after the retry
    assertThat(ledger.apply(events.get(6)))
        .isEqualTo(SubscriptionLedger.Outcome.STALE); // the older past_due

    assertThat(status()).isEqualTo("active");
  }

  @Test
  void an_invoice_of_a_subscription_never_seen_asks_stripe_for_its_current_state() {
    List<String> events = lifecycle.events();

    ledger.apply(events.get(2)); // the first invoice paid, before any subscription event

    assertThat(stripeWasAskedForTheSubscription()).isEqualTo(1);
    assertEndedAndUnfeatured(); // what Stripe answered: over
    assertThat(emittedTypes()).containsEntry("SubscriptionActivated", 1L);

    events.forEach(ledger::apply); // the rest, all older than what Stripe answered
    assertEndedAndUnfeatured();
    assertThat(emittedTypes()).isEqualTo(LIFECYCLE_EVENTS);
    assertThat(stripeWasAskedForTheSubscription()).isEqualTo(1);
  }

  @Test
  void events_of_unknown_types_and_strangers_are_marked_applied_and_change_nothing() {
    String unknown =
        io.digitaltowns.api.billing.StripeObjects.unknownEvent(
            "evt_1" + lifecycle.prefix + "x",
            Instant.now().getEpochSecond(),
            "thing_1",
            lifecycle.customerId);
    String stranger =
        new StripeLifecycle(lifecycle.prefix + "s", UUID.randomUUID().toString(), 1_767_225_600L)
            .events()
            .get(3);

    assertThat(ledger.apply(unknown)).isEqualTo(SubscriptionLedger.Outcome.IGNORED);
    assertThat(ledger.apply(stranger)).isEqualTo(SubscriptionLedger.Outcome.NO_BUSINESS);
    assertThat(ledger.apply(stranger)).isEqualTo(SubscriptionLedger.Outcome.DUPLICATE);

    assertThat(emittedTypes()).isEmpty();
    assertThat(featured()).isFalse();
  }

  @Test
  void stripes_deletion_of_the_subscription_of_a_deleted_business_applies_cleanly_as_no_business() {
    lifecycle.events().subList(0, 4).forEach(ledger::apply);
    assertThat(status()).isEqualTo("active");
    // what deleting the listing does to its billing rows; the consumers' stripe-cleanup then
    // cancels at Stripe
    jdbc.sql("DELETE FROM businesses WHERE id = :id").param("id", businessId).update();
    String deleted =
        lifecycle.deleted("evt_1" + lifecycle.prefix + "gone", Instant.now().getEpochSecond());

    assertThat(ledger.apply(deleted)).isEqualTo(SubscriptionLedger.Outcome.NO_BUSINESS);
    assertThat(ledger.apply(deleted)).isEqualTo(SubscriptionLedger.Outcome.DUPLICATE);
    assertThat(emittedTypes())
        .as("nothing after the deletion")
        .isEqualTo(Map.of("SubscriptionActivated", 1L));
  }

  @Test
  void stored_webhooks_are_applied_in_the_background_out_of_the_request_path() {
    for (String event : lifecycle.events().subList(0, 4)) {
      HttpResponse<String> response =
          postRaw(
              "/api/stripe/webhook",
              event,
              Map.of(
                  "Content-Type",
                  "application/json; charset=utf-8",
                  "Stripe-Signature",
                  StripeSignatures.header(event, Instant.now().getEpochSecond())));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    long deadline = System.currentTimeMillis() + 15_000;
    while (!featured() && System.currentTimeMillis() < deadline) {
      applier.applyPending(); // the scheduled pass runs too; both are safe together
      sleep();
    }

    assertThat(featured()).isTrue();
    assertThat(status()).isEqualTo("active");
    assertThat(emittedTypes()).isEqualTo(Map.of("SubscriptionActivated", 1L));
    assertThat(
            jdbc.sql("SELECT count(*) FROM applied_stripe_events WHERE business_id = :id")
                .param("id", businessId)
                .query(Long.class)
                .single())
        .isEqualTo(4);
  }

  @Test
  void a_stored_event_that_cannot_be_read_is_set_aside_not_retried_forever() {
    String id = "evt_1" + lifecycle.prefix + "bad";
    jdbc.sql(
            """
            INSERT INTO stripe_events (id, type, created, livemode, object_type, subscription_id, customer_id, payload)
            VALUES (:id, 'customer.subscription.updated', now(), false, 'subscription', NULL, :customer, :payload)
            """)
        .param("id", id)
        .param("customer", lifecycle.customerId)
        .param(
            "payload",
            "{\"id\":\""
                + id
                + "\",\"object\":\"event\",\"type\":\"customer.subscription.updated\","
                + "\"created\":1767225600,\"data\":{\"object\":{\"object\":\"subscription\"}}}")
        .update();

    applier.applyPending();

    assertThat(
            jdbc.sql("SELECT outcome FROM applied_stripe_events WHERE event_id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("unreadable");
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  private void assertEndedAndUnfeatured() {
    assertThat(status()).isEqualTo("canceled");
    assertThat(
            jdbc.sql("SELECT subscription_id FROM business_billing WHERE business_id = :id")
                .param("id", businessId)
                .query(String.class)
                .single())
        .isEqualTo(lifecycle.subscriptionId);
    assertThat(featured()).isFalse();
  }

  private String status() {
    return jdbc.sql("SELECT status FROM business_billing WHERE business_id = :id")
        .param("id", businessId)
        .query(String.class)
        .single();
  }

  private boolean featured() {
    return jdbc.sql("SELECT featured FROM businesses WHERE id = :id")
        .param("id", businessId)
        .query(Boolean.class)
        .single();
  }

  private Map<String, Long> emittedTypes() {
    return jdbc
        .sql(
            """
            SELECT event_type FROM outbox WHERE aggregate_type = 'billing' AND aggregate_id = :id
            """)
        .param("id", businessId.toString())
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.groupingBy(type -> type, Collectors.counting()));
  }

  private <T extends SpecificRecord> List<T> emitted(Class<T> type) {
    return jdbc
        .sql(
            """
            SELECT payload FROM outbox WHERE aggregate_type = 'billing' AND aggregate_id = :id AND event_type = :type
            ORDER BY occurred_at
            """)
        .param("id", businessId.toString())
        .param("type", type.getSimpleName())
        .query(byte[].class)
        .list()
        .stream()
        .map(bytes -> type.cast(new AvroEventDeserializer(schemaRegistry).deserialize(bytes)))
        .toList();
  }

  private int stripeWasAskedForTheSubscription() {
    return stripe
        .findAll(
            com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/v1/subscriptions/" + lifecycle.subscriptionId)))
        .size();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
