package io.digitaltowns.api.billing.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Stripe events of one subscription's whole life, shaped like Stripe's documented objects
 * (built from {@link StripeObjects} and changed the way Stripe changes them): checkout → incomplete
 * → first invoice paid → active → renewal paid → renewal payment failed → past_due → paid on retry
 * → active → cancel at period end → deleted.
 */
final class StripeLifecycle {

  static final long DAY = 86_400;
  static final long PRICE = 1900;

  private static final ObjectMapper JSON = new ObjectMapper();

  final String customerId;
  final String subscriptionId;
  final String businessId;
  final String prefix;

  /** Stripe time the subscription started (seconds) */
  final long start;

  StripeLifecycle(String unique, String businessId, long start) {
    this.prefix = unique;
    this.customerId = "cus_" + unique;
    this.subscriptionId = "sub_1" + unique;
    this.businessId = businessId;
    this.start = start;
  }

  /** The events in the order Stripe creates them (ascending created). */
  List<String> events() {
    long p1 = start;
    long p2 = start + 30 * DAY;
    long p3 = start + 60 * DAY;
    long p4 = start + 90 * DAY;
    List<String> events = new ArrayList<>();
    events.add(checkoutCompleted("evt_1" + prefix + "a", p1 + 3));
    events.add(
        subscription(
            "evt_1" + prefix + "b",
            "customer.subscription.created",
            p1 + 1,
            "incomplete",
            p1,
            p2,
            false,
            null,
            null,
            null));
    events.add(
        invoice(
            "evt_1" + prefix + "c",
            "invoice.paid",
            p1 + 2,
            "in_1" + prefix + "first",
            "subscription_create",
            "paid",
            1,
            null,
            p1,
            p2));
    events.add(
        subscription(
            "evt_1" + prefix + "d",
            "customer.subscription.updated",
            p1 + 4,
            "active",
            p1,
            p2,
            false,
            null,
            null,
            null));
    events.add(
        invoice(
            "evt_1" + prefix + "e",
            "invoice.paid",
            p2 + 3600,
            "in_1" + prefix + "second",
            "subscription_cycle",
            "paid",
            1,
            null,
            p2,
            p3));
    events.add(
        invoice(
            "evt_1" + prefix + "f",
            "invoice.payment_failed",
            p3 + 3600,
            "in_1" + prefix + "third",
            "subscription_cycle",
            "open",
            1,
            p3 + 3 * DAY,
            p3,
            p4));
    events.add(
        subscription(
            "evt_1" + prefix + "g",
            "customer.subscription.updated",
            p3 + 3601,
            "past_due",
            p3,
            p4,
            false,
            null,
            null,
            null));
    events.add(
        invoice(
            "evt_1" + prefix + "h",
            "invoice.paid",
            p3 + 3 * DAY,
            "in_1" + prefix + "third",
            "subscription_cycle",
            "paid",
            2,
            null,
            p3,
            p4));
    events.add(
        subscription(
            "evt_1" + prefix + "i",
            "customer.subscription.updated",
            p3 + 3 * DAY + 1,
            "active",
            p3,
            p4,
            false,
            null,
            null,
            null));
    events.add(
        subscription(
            "evt_1" + prefix + "j",
            "customer.subscription.updated",
            p3 + 5 * DAY,
            "active",
            p3,
            p4,
            true,
            p3 + 5 * DAY,
            null,
            "cancellation_requested"));
    events.add(deleted("evt_1" + prefix + "k", p4));
    return events;
  }

  /** customer.subscription.deleted at the end of the last paid period */
  String deleted(String eventId, long at) {
    long p3 = start + 60 * DAY;
    return subscription(
        eventId,
        "customer.subscription.deleted",
        at,
        "canceled",
        p3,
        at,
        true,
        p3 + 5 * DAY,
        at,
        "cancellation_requested");
  }

  /** GET /v1/subscriptions/{id} as Stripe answers it once the subscription is over. */
  String finalSubscriptionObject() {
    return read(deleted("evt_unused", start + 90 * DAY)).path("data").path("object").toString();
  }

  /**
   * checkout.session.completed (https://docs.stripe.com/api/checkout/sessions/object) in
   * subscription mode
   */
  String checkoutCompleted(String eventId, long created) {
    ObjectNode session =
        (ObjectNode)
            read(StripeObjects.checkoutSession("cs_test_" + prefix, customerId, businessId));
    session
        .put("status", "complete")
        .put("payment_status", "paid")
        .put("subscription", subscriptionId)
        .put("invoice", "in_1" + prefix + "first");
    return event(eventId, "checkout.session.completed", created, session, null);
  }

  /** customer.subscription.* with the subscription in the given state */
  String subscription(
      String eventId,
      String type,
      long created,
      String status,
      long periodStart,
      long periodEnd,
      boolean cancelAtPeriodEnd,
      Long canceledAt,
      Long endedAt,
      String reason) {
    JsonNode template =
        read(
            StripeObjects.subscriptionUpdated(
                eventId, created, subscriptionId, customerId, businessId));
    ObjectNode subscription = (ObjectNode) template.path("data").path("object").deepCopy();
    subscription
        .put("status", status)
        .put("start_date", start)
        .put("created", start)
        .put("cancel_at_period_end", cancelAtPeriodEnd);
    if (cancelAtPeriodEnd) {
      subscription.put("cancel_at", periodEnd);
    }
    if (canceledAt != null) {
      subscription.put("canceled_at", canceledAt);
    }
    if (endedAt != null) {
      subscription.put("ended_at", endedAt);
    }
    if (reason != null) {
      ((ObjectNode) subscription.path("cancellation_details")).put("reason", reason);
    }
    ObjectNode item = (ObjectNode) subscription.path("items").path("data").path(0);
    item.put("current_period_start", periodStart).put("current_period_end", periodEnd);
    return event(eventId, type, created, subscription, null);
  }

  /**
   * invoice.paid / invoice.payment_failed (https://docs.stripe.com/api/invoices/object, API
   * 2025-03-31 and later)
   */
  String invoice(
      String eventId,
      String type,
      long created,
      String invoiceId,
      String billingReason,
      String status,
      int attemptCount,
      Long nextPaymentAttempt,
      long periodStart,
      long periodEnd) {
    boolean paid = "paid".equals(status);
    String body =
        """
        {
          "id": "%1$s",
          "object": "invoice",
          "account_country": "IE",
          "amount_due": %2$d,
          "amount_paid": %3$d,
          "amount_remaining": %4$d,
          "attempt_count": %5$d,
          "attempted": true,
          "billing_reason": "%6$s",
          "collection_method": "charge_automatically",
          "created": %7$d,
          "currency": "eur",
          "customer": "%8$s",
          "customer_email": "owner@example.org",
          "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1DigitalTowns/test_%1$s",
          "invoice_pdf": "https://pay.stripe.com/invoice/acct_1DigitalTowns/test_%1$s/pdf",
          "lines": {
            "object": "list",
            "data": [
              {
                "id": "il_%1$s",
                "object": "line_item",
                "amount": %2$d,
                "currency": "eur",
                "description": "1 × Featured listing (at €19.00 / month)",
                "parent": {
                  "type": "subscription_item_details",
                  "subscription_item_details": {"subscription": "%9$s", "subscription_item": "si_1DigitalTownsItem", "proration": false}
                },
                "period": {"end": %10$d, "start": %11$d},
                "pricing": {"price_details": {"price": "%12$s", "product": "prod_DigitalTownsFeatured"}, "type": "price_details", "unit_amount_decimal": "1900"},
                "quantity": 1
              }
            ],
            "has_more": false,
            "total_count": 1,
            "url": "/v1/invoices/%1$s/lines"
          },
          "livemode": false,
          "metadata": {},
          "next_payment_attempt": %13$s,
          "number": "0759376C-0001",
          "parent": {
            "type": "subscription_details",
            "quote_details": null,
            "subscription_details": {"metadata": {"business_id": "%14$s"}, "subscription": "%9$s"}
          },
          "period_end": %7$d,
          "period_start": %7$d,
          "status": "%15$s",
          "subtotal": %2$d,
          "total": %2$d
        }
        """
            .formatted(
                invoiceId,
                PRICE,
                paid ? PRICE : 0,
                paid ? 0 : PRICE,
                attemptCount,
                billingReason,
                created,
                customerId,
                subscriptionId,
                periodEnd,
                periodStart,
                StripeStub.PRICE_ID,
                nextPaymentAttempt == null ? "null" : nextPaymentAttempt.toString(),
                businessId,
                status);
    return event(eventId, type, created, read(body), null);
  }

  private static String event(
      String eventId, String type, long created, JsonNode object, JsonNode previous) {
    ObjectNode event = JSON.createObjectNode();
    event
        .put("id", eventId)
        .put("object", "event")
        .put("api_version", StripeObjects.API_VERSION)
        .put("created", created);
    ObjectNode data = event.putObject("data");
    data.set("object", object);
    if (previous != null) {
      data.set("previous_attributes", previous);
    }
    event.put("livemode", false).put("pending_webhooks", 1);
    event.putObject("request").putNull("id").putNull("idempotency_key");
    event.put("type", type);
    return event.toString();
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
