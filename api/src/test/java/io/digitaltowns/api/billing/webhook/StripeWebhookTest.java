package io.digitaltowns.api.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.billing.BillingHttpTest;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeSignatures;
import io.digitaltowns.api.billing.StripeStub;
import io.digitaltowns.events.stripe.StripeEventReceived;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Webhook deliveries shaped like Stripe's documented events, signed the way Stripe signs them. */
class StripeWebhookTest extends BillingHttpTest {

  private static final String WEBHOOK = "/api/stripe/webhook";

  @Autowired private SchemaRegistryClient schemaRegistry;

  private String eventId;
  private String subscriptionId;
  private String customerId;
  private UUID businessId;
  private long created;

  @BeforeEach
  void ids() {
    created = now() - 5;
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    eventId = "evt_1" + unique;
    subscriptionId = "sub_1" + unique;
    customerId = "cus_" + unique;
    businessId = UUID.randomUUID();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private HttpResponse<String> deliver(String payload, String signature) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    if (signature != null) {
      headers.put("Stripe-Signature", signature);
    }
    return postRaw(WEBHOOK, payload, headers);
  }

  private String subscriptionUpdated() {
    return StripeObjects.subscriptionUpdated(
        eventId, created, subscriptionId, customerId, businessId.toString());
  }

  private long storedEvents(String id) {
    return jdbc.sql("SELECT count(*) FROM stripe_events WHERE id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private long allStoredEvents() {
    return jdbc.sql("SELECT count(*) FROM stripe_events").query(Long.class).single();
  }

  private long allStripeOutboxRows() {
    return jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_type = 'stripe'")
        .query(Long.class)
        .single();
  }

  private List<StripeEventReceived> published(String aggregateId) {
    return jdbc
        .sql(
            """
            SELECT payload FROM outbox
            WHERE aggregate_type = 'stripe' AND aggregate_id = :key AND event_type = 'StripeEventReceived'
            """)
        .param("key", aggregateId)
        .query(byte[].class)
        .list()
        .stream()
        .map(
            bytes ->
                (StripeEventReceived) new AvroEventDeserializer(schemaRegistry).deserialize(bytes))
        .toList();
  }

  @Test
  void a_signed_subscription_update_is_stored_raw_and_published_keyed_by_its_subscription() {
    String payload = subscriptionUpdated();

    HttpResponse<String> response = deliver(payload, StripeSignatures.header(payload, now()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(read(response).get("duplicate").asBoolean()).isFalse();
    Map<String, Object> row =
        jdbc.sql("SELECT * FROM stripe_events WHERE id = :id")
            .param("id", eventId)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("type", "customer.subscription.updated")
        .containsEntry("payload", payload)
        .containsEntry("subscription_id", subscriptionId)
        .containsEntry("customer_id", customerId)
        .containsEntry("object_type", "subscription")
        .containsEntry("api_version", StripeObjects.API_VERSION)
        .containsEntry("livemode", false);

    List<StripeEventReceived> events = published(subscriptionId);
    assertThat(events).hasSize(1);
    StripeEventReceived event = events.get(0);
    assertThat(event.getAggregateId()).isEqualTo(subscriptionId);
    assertThat(event.getStripeEventId()).isEqualTo(eventId);
    assertThat(event.getType()).isEqualTo("customer.subscription.updated");
    assertThat(event.getPayload()).isEqualTo(payload);
    assertThat(event.getObjectId()).isEqualTo(subscriptionId);
    assertThat(event.getSubscriptionId()).isEqualTo(subscriptionId);
    assertThat(event.getCustomerId()).isEqualTo(customerId);
    assertThat(event.getLivemode()).isFalse();
    assertThat(event.getCreated()).isEqualTo(Instant.ofEpochSecond(created));
    assertThat(event.toString())
        .doesNotContain(StripeStub.WEBHOOK_SECRET)
        .doesNotContain(StripeStub.SECRET_KEY);
  }

  @Test
  void the_same_event_delivered_again_answers_200_and_changes_nothing() {
    String payload = subscriptionUpdated();
    deliver(payload, StripeSignatures.header(payload, now()));

    HttpResponse<String> again = deliver(payload, StripeSignatures.header(payload, now()));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(read(again).get("duplicate").asBoolean()).isTrue();
    assertThat(storedEvents(eventId)).isEqualTo(1);
    assertThat(published(subscriptionId)).hasSize(1);
  }

  @Test
  void deliveries_of_one_event_racing_each_other_store_and_publish_it_once() throws Exception {
    String payload = subscriptionUpdated();
    String signature = StripeSignatures.header(payload, now());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        deliveries.add(pool.submit(() -> deliver(payload, signature)));
      }
      for (Future<HttpResponse<String>> delivery : deliveries) {
        assertThat(delivery.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(storedEvents(eventId)).isEqualTo(1);
    assertThat(published(subscriptionId)).hasSize(1);
  }

  @Test
  void an_event_of_a_type_nobody_uses_is_stored_and_published_too() {
    String payload = StripeObjects.unknownEvent(eventId, now(), "ft_1DigitalTowns", customerId);

    HttpResponse<String> response = deliver(payload, StripeSignatures.header(payload, now()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(storedEvents(eventId)).isEqualTo(1);
    // no subscription: keyed by the customer
    assertThat(published(customerId))
        .singleElement()
        .satisfies(event -> assertThat(event.getType()).isEqualTo("future_thing.happened"));
  }

  @Test
  void a_signature_made_with_another_secret_is_refused_and_nothing_is_stored() {
    String payload = subscriptionUpdated();
    assertRefused(
        () -> deliver(payload, StripeSignatures.header(payload, "whsec_someone_else", now())),
        "Invalid Stripe signature");
  }

  @Test
  void a_signature_older_than_five_minutes_is_refused_and_nothing_is_stored() {
    String payload = subscriptionUpdated();
    assertRefused(
        () -> deliver(payload, StripeSignatures.header(payload, now() - 301)),
        "Invalid Stripe signature");
  }

  @Test
  void
      a_captured_delivery_replayed_after_five_minutes_is_refused_and_one_replayed_at_once_changes_nothing() {
    String payload = subscriptionUpdated();
    String captured = StripeSignatures.header(payload, now() - 310);
    assertRefused(() -> deliver(payload, captured), "Invalid Stripe signature");

    String fresh = StripeSignatures.header(payload, now());
    assertThat(deliver(payload, fresh).statusCode()).isEqualTo(200);
    long outboxAfterFirst = allStripeOutboxRows();
    HttpResponse<String> replayed = deliver(payload, fresh);

    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(read(replayed).get("duplicate").asBoolean()).isTrue();
    assertThat(storedEvents(eventId)).isEqualTo(1);
    assertThat(allStripeOutboxRows()).isEqualTo(outboxAfterFirst);
  }

  @Test
  void a_fresh_timestamp_on_an_old_signature_is_refused() {
    String payload = subscriptionUpdated();
    String old = StripeSignatures.header(payload, now() - 400);
    String moved = "t=" + now() + old.substring(old.indexOf(','));
    assertRefused(() -> deliver(payload, moved), "Invalid Stripe signature");
  }

  @Test
  void a_payload_changed_after_signing_is_refused() {
    String payload = subscriptionUpdated();
    String signature = StripeSignatures.header(payload, now());
    assertRefused(
        () -> deliver(payload.replace("\"active\"", "\"canceled\""), signature),
        "Invalid Stripe signature");
  }

  @Test
  void a_call_without_the_signature_header_is_refused_and_nothing_is_stored() {
    assertRefused(() -> deliver(subscriptionUpdated(), null), "Invalid Stripe signature");
    assertRefused(
        () -> deliver(subscriptionUpdated(), "not a stripe signature"), "Invalid Stripe signature");
  }

  @Test
  void a_signed_payload_that_is_no_json_event_is_refused_and_nothing_is_stored() {
    String broken = "{\"id\": \"" + eventId + "\", \"object\": \"event\", \"type\": ";
    assertRefused(
        () -> deliver(broken, StripeSignatures.header(broken, now())), "Malformed Stripe event");
    String notAnEvent = "{\"id\": \"" + eventId + "\", \"hello\": \"world\"}";
    assertRefused(
        () -> deliver(notAnEvent, StripeSignatures.header(notAnEvent, now())),
        "Malformed Stripe event");
  }

  @Test
  void a_payload_over_the_size_bound_is_refused() {
    String huge =
        "{\"padding\": \"" + "x".repeat(StripeWebhookController.MAX_PAYLOAD_BYTES) + "\"}";
    HttpResponse<String> response = deliver(huge, StripeSignatures.header(huge, now()));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private void assertRefused(Supplier<HttpResponse<String>> delivery, String title) {
    long eventsBefore = allStoredEvents();
    long outboxBefore = allStripeOutboxRows();
    HttpResponse<String> response = delivery.get();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(read(response).get("title").asText()).isEqualTo(title);
    assertThat(response.body()).doesNotContain(StripeStub.WEBHOOK_SECRET).doesNotContain("whsec_");
    assertThat(storedEvents(eventId)).isZero();
    assertThat(published(subscriptionId)).isEmpty();
    assertThat(allStoredEvents()).isEqualTo(eventsBefore);
    assertThat(allStripeOutboxRows()).isEqualTo(outboxBefore);
  }
}
