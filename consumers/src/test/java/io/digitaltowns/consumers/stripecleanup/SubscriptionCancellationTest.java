package io.digitaltowns.consumers.stripecleanup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.digitaltowns.consumers.EventFeed;
import io.digitaltowns.consumers.RunningConsumers;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.catalog.Topics;
import io.digitaltowns.infra.LocalStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stripe-cleanup group as deployed, against the local stack's Kafka, registry and PostgreSQL,
 * with Stripe played by a WireMock server answering as Stripe's REST API documents {@code DELETE
 * /v1/subscriptions/{id}} (the canceled subscription object; {@code resource_missing} for one it no
 * longer has). What is asserted is what Stripe receives and what the CRM timeline shows.
 */
class SubscriptionCancellationTest {

  private static final String SECRET_KEY = "sk_test_cleanup_never_logged_0123456789";
  private static final String DLT = Topics.BUSINESSES_EVENTS_STRIPE_CLEANUP_DLT;
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private static LocalStack stack;
  private static WireMockServer stripe;
  private static ConfigurableApplicationContext consumers;
  private static EventFeed feed;
  private static JdbcClient jdbc;

  @BeforeAll
  static void start() {
    stack = LocalStack.shared();
    stripe = new WireMockServer(wireMockConfig().dynamicPort());
    stripe.start();
    consumers =
        RunningConsumers.start(
            stack,
            Map.ofEntries(
                Map.entry("digitaltowns.consumers.cleanup.enabled", "true"),
                Map.entry("digitaltowns.stripe.secret-key", SECRET_KEY),
                Map.entry("digitaltowns.stripe.api-base", stripe.baseUrl()),
                Map.entry("digitaltowns.photo-store.endpoint", stack.s3Endpoint()),
                Map.entry("digitaltowns.photo-store.region", stack.s3Region()),
                Map.entry("digitaltowns.photo-store.access-key-id", stack.s3AccessKey()),
                Map.entry("digitaltowns.photo-store.secret-access-key", stack.s3SecretKey()),
                Map.entry("digitaltowns.consumers.retry.initial-interval", "200ms"),
                Map.entry("digitaltowns.consumers.retry.max-interval", "1s"),
                Map.entry("digitaltowns.consumers.retry.max-elapsed", "60s")));
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
    if (stripe != null) {
      stripe.stop();
    }
  }

  @Test
  void
      a_deleted_business_has_its_subscription_canceled_at_stripe_once_even_when_the_event_comes_twice() {
    String businessId = UUID.randomUUID().toString();
    String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "");
    String later = "sub_" + UUID.randomUUID().toString().replace("-", "");
    stripeCancels(subscription);
    stripeCancels(later);
    BusinessDeleted deleted = deleted(businessId, subscription);

    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted);
    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted);
    // same key, same partition: once this one reached Stripe, both copies before it were handled
    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted(businessId, later));

    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> stripe.verify(1, deleteRequestedFor(urlEqualTo(path(later)))));
    List<LoggedRequest> cancels =
        stripe.findAll(deleteRequestedFor(urlEqualTo(path(subscription))));
    assertThat(cancels).hasSize(1);
    assertThat(cancels.get(0).getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
    assertThat(cancels.get(0).getHeader("Idempotency-Key"))
        .contains(deleted.getEventId())
        .contains(subscription);
    assertThat(timeline(businessId))
        .contains(
            "SUBSCRIPTION_CANCELED_AT_STRIPE "
                + subscription
                + " Subscription canceled at Stripe (listing deleted)");
  }

  @Test
  void
      a_stripe_outage_is_retried_with_the_same_idempotency_key_until_stripe_answers_and_nothing_is_dead_lettered() {
    String businessId = UUID.randomUUID().toString();
    String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "");
    String scenario = "outage-" + subscription;
    stripe.stubFor(
        delete(urlEqualTo(path(subscription)))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(stripeError(503, "api_error", null))
            .willSetStateTo("still down"));
    stripe.stubFor(
        delete(urlEqualTo(path(subscription)))
            .inScenario(scenario)
            .whenScenarioStateIs("still down")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\"}}"))
            .willSetStateTo("back"));
    stripe.stubFor(
        delete(urlEqualTo(path(subscription)))
            .inScenario(scenario)
            .whenScenarioStateIs("back")
            .willReturn(okJson(canceledSubscription(subscription))));

    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted(businessId, subscription));

    await().atMost(DEADLINE).until(() -> timeline(businessId).size(), n -> n == 1);
    List<LoggedRequest> attempts =
        stripe.findAll(deleteRequestedFor(urlEqualTo(path(subscription))));
    assertThat(attempts).hasSize(3);
    assertThat(attempts)
        .extracting(request -> request.getHeader("Idempotency-Key"))
        .containsOnly(attempts.get(0).getHeader("Idempotency-Key"));
    assertThat(feed.keysIn(DLT)).doesNotContain(businessId);
  }

  @Test
  void a_subscription_stripe_no_longer_has_counts_as_over_and_is_not_dead_lettered() {
    String businessId = UUID.randomUUID().toString();
    String subscription = "sub_" + UUID.randomUUID().toString().replace("-", "");
    // what Stripe answers for a subscription that is already canceled, too
    stripe.stubFor(
        delete(urlEqualTo(path(subscription)))
            .willReturn(stripeError(404, "invalid_request_error", "resource_missing")));

    feed.send(Topics.BUSINESSES_EVENTS, businessId, deleted(businessId, subscription));

    await()
        .atMost(DEADLINE)
        .until(
            () -> timeline(businessId),
            entries ->
                entries.contains(
                    "SUBSCRIPTION_CANCELED_AT_STRIPE "
                        + subscription
                        + " Subscription already over at Stripe (listing deleted)"));
    stripe.verify(1, deleteRequestedFor(urlEqualTo(path(subscription))));
    assertThat(feed.keysIn(DLT)).doesNotContain(businessId);
  }

  @Test
  void the_secret_key_is_kept_out_of_the_printed_settings() {
    assertThat(consumers.getBean(StripeProperties.class).toString()).doesNotContain(SECRET_KEY);
  }

  // --- Stripe as documented: DELETE /v1/subscriptions/{id} answers the subscription, now canceled

  private static void stripeCancels(String subscription) {
    stripe.stubFor(
        delete(urlEqualTo(path(subscription)))
            .willReturn(okJson(canceledSubscription(subscription))));
  }

  private static String canceledSubscription(String id) {
    long now = Instant.now().getEpochSecond();
    return """
        {"id":"%s","object":"subscription","status":"canceled","customer":"cus_cleanup","cancel_at_period_end":false,
         "canceled_at":%d,"ended_at":%d,"livemode":false,"metadata":{}}"""
        .formatted(id, now, now);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stripeError(
      int status, String type, String code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_cleanup_test")
        .withBody(
            "{\"error\":{\"type\":\""
                + type
                + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + ",\"message\":\"No such subscription\"}}");
  }

  private static String path(String subscription) {
    return "/v1/subscriptions/" + subscription;
  }

  private static BusinessDeleted deleted(String businessId, String subscription) {
    return BusinessDeleted.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setAggregateId(businessId)
        .setTownId("town-1")
        .setStripeSubscriptionIds(List.of(subscription))
        .build();
  }

  private static List<String> timeline(String businessId) {
    return jdbc.sql(
            """
            SELECT kind || ' ' || coalesce(reference_id, '-') || ' ' || summary FROM consumers.crm_view_activities
            WHERE business_id = :id ORDER BY seq
            """)
        .param("id", businessId)
        .query(String.class)
        .list();
  }
}
