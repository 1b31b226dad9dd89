package io.digitaltowns.api.billing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.api.billing.StripeObjects;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which key a Stripe event gets on dt.stripe.events: its subscription, else its customer, else
 * itself.
 */
class StripeEventFactsTest {

  private final JsonMapper json = JsonMapper.builder().build();

  private StripeEventFacts facts(String payload) {
    return StripeEventFacts.of(json.readTree(payload));
  }

  private static String event(String type, String object) {
    return """
        {"id": "evt_1", "object": "event", "api_version": "2026-07-29.dahlia", "created": 1767225600,
         "livemode": true, "type": "%s", "data": {"object": %s}}
        """
        .formatted(type, object);
  }

  @Test
  void a_subscription_event_is_keyed_by_the_subscription() {
    StripeEventFacts facts =
        facts(StripeObjects.subscriptionUpdated("evt_9", 1767225600, "sub_9", "cus_9", "b"));

    assertThat(facts.aggregateId()).isEqualTo("sub_9");
    assertThat(facts.customerId()).isEqualTo("cus_9");
    assertThat(facts.objectType()).isEqualTo("subscription");
    assertThat(facts.created()).isEqualTo(Instant.ofEpochSecond(1767225600));
    assertThat(facts.livemode()).isFalse();
  }

  @Test
  void a_completed_checkout_session_is_keyed_by_the_subscription_it_created() {
    StripeEventFacts facts =
        facts(
            event(
                "checkout.session.completed",
                "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"customer\": \"cus_1\", \"subscription\": \"sub_1\","
                    + " \"client_reference_id\": \"b\"}"));

    assertThat(facts.aggregateId()).isEqualTo("sub_1");
    assertThat(facts.objectId()).isEqualTo("cs_1");
    assertThat(facts.livemode()).isTrue();
  }

  @Test
  void an_invoice_of_current_api_versions_names_its_subscription_under_parent() {
    StripeEventFacts facts =
        facts(
            event(
                "invoice.paid",
                "{\"id\": \"in_1\", \"object\": \"invoice\", \"customer\": \"cus_1\", \"parent\": {\"type\": "
                    + "\"subscription_details\", \"quote_details\": null, \"subscription_details\": {\"metadata\": {}, "
                    + "\"subscription\": \"sub_2\"}}}"));

    assertThat(facts.aggregateId()).isEqualTo("sub_2");
    assertThat(facts.subscriptionId()).isEqualTo("sub_2");
  }

  @Test
  void an_invoice_of_older_api_versions_and_expanded_objects_are_understood() {
    StripeEventFacts facts =
        facts(
            event(
                "invoice.payment_failed",
                "{\"id\": \"in_1\", \"object\": \"invoice\", \"customer\": {\"id\": \"cus_3\", \"object\": \"customer\"},"
                    + " \"subscription\": {\"id\": \"sub_3\", \"object\": \"subscription\"}}"));

    assertThat(facts.subscriptionId()).isEqualTo("sub_3");
    assertThat(facts.customerId()).isEqualTo("cus_3");
  }

  @Test
  void a_customer_event_is_keyed_by_the_customer() {
    StripeEventFacts facts =
        facts(event("customer.updated", "{\"id\": \"cus_4\", \"object\": \"customer\"}"));

    assertThat(facts.aggregateId()).isEqualTo("cus_4");
    assertThat(facts.subscriptionId()).isNull();
  }

  @Test
  void an_object_without_subscription_or_customer_is_keyed_by_the_event() {
    StripeEventFacts facts =
        facts(
            event(
                "balance.available",
                "{\"object\": \"balance\", \"available\": [{\"amount\": 1900, \"currency\": \"eur\"}], \"livemode\": true}"));

    assertThat(facts.aggregateId()).isEqualTo("evt_1");
    assertThat(facts.objectId()).isNull();
  }

  @Test
  void json_that_is_no_event_is_refused() {
    assertThatThrownBy(() -> facts("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> facts("{\"id\": \"evt_1\", \"type\": \"x\", \"created\": 1}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                facts(
                    "{\"id\": \"evt_1\", \"type\": \"x\", \"created\": \"yesterday\", "
                        + "\"data\": {\"object\": {}}}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                facts(
                    "{\"id\": \"evt_1\", \"object\": \"v2.core.event\", \"type\": \"x\", "
                        + "\"created\": 1, \"data\": {\"object\": {}}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
