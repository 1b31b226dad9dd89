package io.digitaltowns.api.billing.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the intake reads out of a Stripe event (API version independent): its identity and which
 * subscription and customer its object belongs to, which decides the record key.
 */
record StripeEventFacts(
    String id,
    String type,
    Instant created,
    boolean livemode,
    String apiVersion,
    String objectType,
    String objectId,
    String subscriptionId,
    String customerId) {

  private static final int MAX_ID_LENGTH = 255;

  /**
   * The record key on dt.stripe.events: the subscription, so one subscription's events stay in
   * order; else the customer; else the event itself.
   */
  String aggregateId() {
    if (subscriptionId != null) {
      return subscriptionId;
    }
    return customerId != null ? customerId : id;
  }

  /**
   * @throws IllegalArgumentException when the JSON is not shaped like a Stripe (v1, snapshot) event
   */
  static StripeEventFacts of(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (event.has("object") && !"event".equals(event.path("object").asString(""))) {
      throw new IllegalArgumentException("not an event object");
    }
    String id = requiredString(event, "id");
    String type = requiredString(event, "type");
    JsonNode created = event.path("created");
    if (!created.isIntegralNumber() || created.asLong() <= 0) {
      throw new IllegalArgumentException("created is not a unix timestamp");
    }
    JsonNode object = event.path("data").path("object");
    if (!object.isObject()) {
      throw new IllegalArgumentException("data.object is not an object");
    }
    String objectType = string(object.get("object"));
    String objectId = string(object.get("id"));
    String subscriptionId =
        "subscription".equals(objectType) ? objectId : idOf(object.get("subscription"));
    if (subscriptionId == null) {
      // invoices since API version 2025-03-31: parent.subscription_details.subscription
      subscriptionId = idOf(object.path("parent").path("subscription_details").get("subscription"));
    }
    String customerId = "customer".equals(objectType) ? objectId : idOf(object.get("customer"));
    return new StripeEventFacts(
        id,
        type,
        Instant.ofEpochSecond(created.asLong()),
        event.path("livemode").asBoolean(false),
        string(event.get("api_version")),
        objectType,
        objectId,
        subscriptionId,
        customerId);
  }

  private static String requiredString(JsonNode node, String field) {
    String value = string(node.get(field));
    if (value == null || value.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(field + " is missing or not a short string");
    }
    return value;
  }

  /** An id, or an expanded object's id. */
  private static String idOf(JsonNode node) {
    if (node != null && node.isObject()) {
      return string(node.get("id"));
    }
    return string(node);
  }

  private static String string(JsonNode node) {
    if (node == null || !node.isString() || node.asString().isBlank()) {
      return null;
    }
    return node.asString();
  }
}
