package io.digitaltowns.infra.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of one Stripe test-mode account, in memory, each kept as the JSON Stripe documents
 * for it (API version {@value #API_VERSION}: the billing period on the subscription items, the
 * invoice's subscription under {@code parent.subscription_details}). Every change that Stripe
 * reports by webhook returns its events, in the order Stripe usually sends them. Each customer has
 * its own test clock (as with Stripe's test clocks): it starts at the real time and only moves
 * forward when told to advance to the next renewal.
 */
final class StripeAccount {

  static final String API_VERSION = "2026-07-29.dahlia";
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Stripe's default Smart Retries schedule is several attempts over weeks; the stand-in retries 3
   * days later.
   */
  private static final Duration RETRY_AFTER = Duration.ofDays(3);

  private static final int MAX_ATTEMPTS = 4;

  private final ObjectMapper json;
  private final Clock clock;
  private final Price price;
  private final String baseUrl;
  private final Map<String, ObjectNode> customers = new HashMap<>();
  private final Map<String, ObjectNode> checkoutSessions = new HashMap<>();
  private final Map<String, ObjectNode> portalSessions = new HashMap<>();
  private final Map<String, ObjectNode> subscriptions = new HashMap<>();
  private final Map<String, ObjectNode> invoices = new HashMap<>();

  /** The card each payment method is (pm id → card), to know whether a charge succeeds. */
  private final Map<String, TestCard> cards = new HashMap<>();

  /** How far each customer's test clock is ahead of real time. */
  private final Map<String, Duration> clockOffsets = new HashMap<>();

  private long lastEventCreated;

  /** The one recurring price the stand-in sells. */
  record Price(String id, long unitAmount, String currency, String productName) {}

  StripeAccount(ObjectMapper json, Clock clock, Price price, String baseUrl) {
    this.json = json;
    this.clock = clock;
    this.price = price;
    this.baseUrl = baseUrl;
  }

  static String id(String prefix) {
    StringBuilder id = new StringBuilder(prefix).append("_test_");
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  // --- customers
  // -------------------------------------------------------------------------------------------------

  synchronized ObjectNode createCustomer(FormBody form) {
    ObjectNode customer = json.createObjectNode();
    String id = id("cus");
    customer
        .put("id", id)
        .put("object", "customer")
        .putNull("address")
        .put("balance", 0)
        .put("created", now(id).getEpochSecond())
        .putNull("currency")
        .putNull("default_source")
        .put("delinquent", false)
        .put("description", form.get("description"))
        .put("email", form.get("email"))
        .put("invoice_prefix", id.substring(id.length() - 8).toUpperCase());
    customer
        .putObject("invoice_settings")
        .putNull("custom_fields")
        .putNull("default_payment_method")
        .putNull("footer")
        .putNull("rendering_options");
    customer.put("livemode", false);
    metadata(customer, form);
    customer.put("name", form.get("name")).put("next_invoice_sequence", 1).putNull("phone");
    customer.putArray("preferred_locales");
    customer.putNull("shipping").put("tax_exempt", "none").putNull("test_clock");
    customers.put(id, customer);
    return customer.deepCopy();
  }

  /**
   * The customer the api made for a business (its metadata carries the business id), the newest if
   * several.
   */
  synchronized Optional<String> customerOfBusiness(String businessId) {
    return customers.values().stream()
        .filter(c -> businessId.equals(c.path("metadata").path("business_id").asText(null)))
        .max(java.util.Comparator.comparingLong(c -> c.path("created").asLong()))
        .map(c -> c.path("id").asText());
  }

  synchronized ObjectNode customer(String id) {
    return existing(customers, id, "customer", null).deepCopy();
  }

  // --- Checkout
  // --------------------------------------------------------------------------------------------------

  synchronized ObjectNode createCheckoutSession(FormBody form) {
    String mode = form.required("mode");
    if (!"subscription".equals(mode)) {
      throw StripeError.invalid(
          "mode", "The local Stripe stand-in only offers Checkout in subscription mode.");
    }
    String customerId = form.get("customer");
    if (customerId != null) {
      existing(customers, customerId, "customer", "customer");
    }
    String priceId = form.required("line_items[0][price]");
    if (!price.id().equals(priceId)) {
      throw StripeError.noSuch("price", priceId, "line_items[0][price]");
    }
    String quantity = form.get("line_items[0][quantity]");
    if (quantity != null && !"1".equals(quantity)) {
      throw StripeError.invalid(
          "line_items[0][quantity]", "The local Stripe stand-in sells one subscription at a time.");
    }
    String successUrl = form.required("success_url");
    String id = id("cs");
    long created = now(customerId).getEpochSecond();
    ObjectNode session = json.createObjectNode();
    session
        .put("id", id)
        .put("object", "checkout.session")
        .putNull("after_expiration")
        .putNull("allow_promotion_codes")
        .put("amount_subtotal", price.unitAmount())
        .put("amount_total", price.unitAmount());
    session.putObject("automatic_tax").put("enabled", false).putNull("liability").putNull("status");
    session
        .putNull("billing_address_collection")
        .put("cancel_url", form.get("cancel_url"))
        .put("client_reference_id", form.get("client_reference_id"))
        .put("created", created)
        .put("currency", price.currency())
        .put("customer", customerId)
        .putNull("customer_details")
        .put("customer_email", form.get("customer_email"))
        .put("expires_at", created + 24 * 3600)
        .putNull("invoice")
        .put("livemode", false)
        .putNull("locale");
    metadata(session, form);
    session
        .put("mode", "subscription")
        .putNull("payment_intent")
        .put("payment_method_collection", "always");
    session.putArray("payment_method_types").add("card");
    session
        .put("payment_status", "unpaid")
        .put("status", "open")
        .putNull("subscription")
        .put("success_url", successUrl);
    session
        .putObject("total_details")
        .put("amount_discount", 0)
        .put("amount_shipping", 0)
        .put("amount_tax", 0);
    session.put("ui_mode", "hosted").put("url", baseUrl + "/checkout/" + id);
    // kept aside (not part of the object): what the subscription will carry
    session.set(
        "_subscription_metadata", json.valueToTree(form.hash("subscription_data[metadata]")));
    checkoutSessions.put(id, session);
    return visible(session);
  }

  synchronized ObjectNode checkoutSession(String id) {
    return visible(existing(checkoutSessions, id, "checkout.session", null));
  }

  /** The outcome of paying on the Checkout page. */
  record Payment(String redirectTo, String declined, List<WebhookEvent> events) {}

  /**
   * The customer typed a card and pressed Pay: with a card that attaches, the subscription starts
   * and its first invoice is paid (even with the card whose later charges fail, as Stripe's 4000
   * 0000 0000 0341 does). Paying a session that is complete already changes nothing and leads to
   * the success page again.
   */
  synchronized Payment pay(String sessionId, String cardNumber, String email) {
    ObjectNode session = existing(checkoutSessions, sessionId, "checkout.session", null);
    String successUrl =
        session.path("success_url").asText().replace("{CHECKOUT_SESSION_ID}", sessionId);
    if ("complete".equals(session.path("status").asText())) {
      return new Payment(successUrl, null, List.of());
    }
    if ("expired".equals(session.path("status").asText())) {
      return new Payment(null, "This Checkout Session has expired.", List.of());
    }
    Optional<TestCard> card = TestCard.typed(cardNumber);
    if (card.isEmpty()) {
      return new Payment(
          null,
          "Use one of Stripe's test cards: 4242 4242 4242 4242, or 4000 0000 0000 0341 "
              + "(its later payments fail).",
          List.of());
    }
    if (!card.get().attaches()) {
      return new Payment(null, "Your card was declined.", List.of());
    }
    String customerId = session.path("customer").asText(null);
    if (customerId == null) {
      FormBody form = FormBody.parse("");
      ObjectNode created = createCustomer(form);
      customerId = created.path("id").asText();
      customers.get(customerId).put("email", email);
    }
    String paymentMethod = attach(customerId, card.get());
    Instant start = now(customerId);
    Instant end = start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    String subscriptionId = id("sub");
    ObjectNode subscription =
        subscription(
            subscriptionId,
            customerId,
            paymentMethod,
            start,
            end,
            (ObjectNode) session.get("_subscription_metadata"));
    ObjectNode invoice = invoice(customerId, subscription, "subscription_create", start, end);
    pay(invoice, start);
    subscription.put("latest_invoice", invoice.path("id").asText());
    subscriptions.put(subscriptionId, subscription);

    session
        .put("status", "complete")
        .put("payment_status", "paid")
        .put("subscription", subscriptionId)
        .put("invoice", invoice.path("id").asText())
        .put("customer", customerId);
    session
        .putObject("customer_details")
        .put("email", customers.get(customerId).path("email").asText(null))
        .put("name", customers.get(customerId).path("name").asText(null));
    List<WebhookEvent> events =
        List.of(
            event("checkout.session.completed", visible(session), null, customerId),
            event("customer.subscription.created", subscription, null, customerId),
            event("invoice.paid", invoice, null, customerId));
    return new Payment(successUrl, null, events);
  }

  /** The customer left Checkout by its Back link. */
  synchronized String cancelUrl(String sessionId) {
    return existing(checkoutSessions, sessionId, "checkout.session", null)
        .path("cancel_url")
        .asText(null);
  }

  // --- customer portal
  // -------------------------------------------------------------------------------------------

  synchronized ObjectNode createPortalSession(FormBody form) {
    String customerId = form.required("customer");
    existing(customers, customerId, "customer", "customer");
    String id = id("bps");
    ObjectNode session = json.createObjectNode();
    session
        .put("id", id)
        .put("object", "billing_portal.session")
        .put("configuration", "bpc_test_standin")
        .put("created", now(customerId).getEpochSecond())
        .put("customer", customerId)
        .putNull("flow")
        .put("livemode", false)
        .putNull("locale")
        .putNull("on_behalf_of")
        .put("return_url", form.get("return_url"))
        .put("url", baseUrl + "/portal/" + id);
    portalSessions.put(id, session);
    return session.deepCopy();
  }

  /**
   * What the portal page shows: the session, its customer, the customer's latest subscription and
   * its card.
   */
  record PortalView(
      String sessionId,
      String returnUrl,
      String email,
      String status,
      Instant currentPeriodEnd,
      boolean cancelAtPeriodEnd,
      String cardLast4,
      long amount,
      String currency,
      String productName) {}

  synchronized PortalView portal(String portalSessionId) {
    ObjectNode session = existing(portalSessions, portalSessionId, "billing_portal.session", null);
    String customerId = session.path("customer").asText();
    ObjectNode customer = customers.get(customerId);
    Optional<ObjectNode> subscription = latestSubscription(customerId);
    String pm = customer.path("invoice_settings").path("default_payment_method").asText(null);
    return new PortalView(
        portalSessionId,
        session.path("return_url").asText(null),
        customer.path("email").asText(null),
        subscription.map(s -> s.path("status").asText()).orElse(null),
        subscription.map(s -> Instant.ofEpochSecond(periodEnd(s))).orElse(null),
        subscription.map(s -> s.path("cancel_at_period_end").asBoolean()).orElse(false),
        pm == null ? null : cards.get(pm).last4(),
        price.unitAmount(),
        price.currency(),
        price.productName());
  }

  /** A new default card from the portal; returns an error to show, or null. */
  synchronized String changeCard(String portalSessionId, String cardNumber) {
    ObjectNode session = existing(portalSessions, portalSessionId, "billing_portal.session", null);
    Optional<TestCard> card = TestCard.typed(cardNumber);
    if (card.isEmpty()) {
      return "Use one of Stripe's test cards: 4242 4242 4242 4242, or 4000 0000 0000 0341 (its payments fail).";
    }
    if (!card.get().attaches()) {
      return "Your card was declined.";
    }
    String customerId = session.path("customer").asText();
    String pm = attach(customerId, card.get());
    latestSubscription(customerId).ifPresent(s -> s.put("default_payment_method", pm));
    return null;
  }

  /** Cancel at the period's end (the portal's default), or take that back. */
  synchronized List<WebhookEvent> cancelAtPeriodEnd(String portalSessionId, boolean cancel) {
    ObjectNode session = existing(portalSessions, portalSessionId, "billing_portal.session", null);
    String customerId = session.path("customer").asText();
    ObjectNode subscription =
        latestSubscription(customerId)
            .filter(s -> !ended(s))
            .orElseThrow(
                () -> StripeError.invalid(null, "This customer has no subscription to change."));
    return setCancelAtPeriodEnd(subscription, cancel, "cancellation_requested");
  }

  // --- subscriptions (API)
  // ---------------------------------------------------------------------------------------

  synchronized ObjectNode subscription(String id) {
    return existing(subscriptions, id, "subscription", null).deepCopy();
  }

  record Change(ObjectNode object, List<WebhookEvent> events) {}

  /** POST /v1/subscriptions/{id}: the stand-in changes cancel_at_period_end and metadata only. */
  synchronized Change updateSubscription(String id, FormBody form) {
    ObjectNode subscription = existing(subscriptions, id, "subscription", null);
    for (String key : form.fields().keySet()) {
      if (!key.equals("cancel_at_period_end")
          && !key.startsWith("metadata[")
          && !key.startsWith("expand[")) {
        throw StripeError.invalid(
            key, "The local Stripe stand-in cannot change '" + key + "' of a subscription.");
      }
    }
    if (ended(subscription)) {
      throw new StripeError(
          400,
          "invalid_request_error",
          null,
          null,
          "A canceled subscription can only update its cancellation_details and metadata.");
    }
    List<WebhookEvent> events = new ArrayList<>();
    if (form.get("cancel_at_period_end") != null) {
      events.addAll(
          setCancelAtPeriodEnd(
              subscription, form.bool("cancel_at_period_end"), "cancellation_requested"));
    }
    Map<String, String> metadata = form.hash("metadata");
    if (!metadata.isEmpty()) {
      metadata.forEach(((ObjectNode) subscription.get("metadata"))::put);
    }
    return new Change(subscription.deepCopy(), events);
  }

  /**
   * DELETE /v1/subscriptions/{id}: canceled now. Stripe answers 404 resource_missing for one
   * canceled before.
   */
  synchronized Change cancelNow(String id) {
    ObjectNode subscription = existing(subscriptions, id, "subscription", null);
    if (ended(subscription)) {
      throw StripeError.noSuch("subscription", id, null);
    }
    String customerId = subscription.path("customer").asText();
    long now = now(customerId).getEpochSecond();
    subscription
        .put("status", "canceled")
        .put("canceled_at", now)
        .put("ended_at", now)
        .put("cancel_at_period_end", false);
    ((ObjectNode) subscription.get("cancellation_details")).put("reason", "cancellation_requested");
    return new Change(
        subscription.deepCopy(),
        List.of(event("customer.subscription.deleted", subscription, null, customerId)));
  }

  // --- the test clock
  // --------------------------------------------------------------------------------------------

  /**
   * Moves the subscription's customer clock to what happens next: a subscription set to cancel ends
   * at its period's end; an active one renews (its card charged: invoice.paid, or
   * invoice.payment_failed and past_due); a past_due one has its open invoice retried with the
   * current card.
   */
  synchronized List<WebhookEvent> advance(String subscriptionId) {
    ObjectNode subscription =
        existing(subscriptions, subscriptionId, "subscription", "subscription");
    if (ended(subscription)) {
      throw StripeError.invalid(
          "subscription", "The subscription has ended; nothing happens next.");
    }
    String customerId = subscription.path("customer").asText();
    Instant periodEnd = Instant.ofEpochSecond(periodEnd(subscription));
    if (subscription.path("cancel_at_period_end").asBoolean()) {
      moveClock(customerId, periodEnd);
      subscription.put("status", "canceled").put("ended_at", periodEnd.getEpochSecond());
      return List.of(event("customer.subscription.deleted", subscription, null, customerId));
    }
    if ("past_due".equals(subscription.path("status").asText())) {
      ObjectNode invoice = invoices.get(subscription.path("latest_invoice").asText());
      moveClock(customerId, Instant.ofEpochSecond(invoice.path("next_payment_attempt").asLong()));
      return charge(subscription, invoice, now(customerId));
    }
    moveClock(customerId, periodEnd);
    Instant newEnd = periodEnd.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    ObjectNode item = (ObjectNode) subscription.path("items").path("data").get(0);
    item.put("current_period_start", periodEnd.getEpochSecond())
        .put("current_period_end", newEnd.getEpochSecond());
    ObjectNode invoice = invoice(customerId, subscription, "subscription_cycle", periodEnd, newEnd);
    subscription.put("latest_invoice", invoice.path("id").asText());
    return charge(subscription, invoice, periodEnd);
  }

  /**
   * The customer's subscription that has not ended, or the latest one; the admin endpoint advances
   * it.
   */
  synchronized Optional<String> subscriptionOf(String customerId) {
    return latestSubscription(customerId).map(s -> s.path("id").asText());
  }

  private List<WebhookEvent> charge(ObjectNode subscription, ObjectNode invoice, Instant at) {
    String customerId = subscription.path("customer").asText();
    String pm = subscription.path("default_payment_method").asText(null);
    boolean succeeds = pm != null && cards.get(pm).laterChargesSucceed();
    String statusBefore = subscription.path("status").asText();
    invoice.put("attempt_count", invoice.path("attempt_count").asInt() + 1).put("attempted", true);
    List<WebhookEvent> events = new ArrayList<>();
    if (succeeds) {
      pay(invoice, at);
      subscription.put("status", "active");
      events.add(event("invoice.paid", invoice, null, customerId));
    } else {
      int attempts = invoice.path("attempt_count").asInt();
      if (attempts < MAX_ATTEMPTS) {
        invoice.put("next_payment_attempt", at.plus(RETRY_AFTER).getEpochSecond());
      } else {
        invoice.putNull("next_payment_attempt");
      }
      subscription.put("status", "past_due");
      events.add(event("invoice.payment_failed", invoice, null, customerId));
    }
    ObjectNode previous = json.createObjectNode();
    if (!statusBefore.equals(subscription.path("status").asText())) {
      previous.put("status", statusBefore);
    }
    previous.put("latest_invoice", subscription.path("latest_invoice").asText());
    events.add(event("customer.subscription.updated", subscription, previous, customerId));
    return events;
  }

  // --- building blocks
  // -------------------------------------------------------------------------------------------

  private List<WebhookEvent> setCancelAtPeriodEnd(
      ObjectNode subscription, boolean cancel, String reason) {
    boolean before = subscription.path("cancel_at_period_end").asBoolean();
    if (before == cancel) {
      return List.of();
    }
    String customerId = subscription.path("customer").asText();
    ObjectNode previous = json.createObjectNode().put("cancel_at_period_end", before);
    ObjectNode details = (ObjectNode) subscription.get("cancellation_details");
    if (cancel) {
      previous.putNull("cancel_at").putNull("canceled_at");
      subscription
          .put("cancel_at_period_end", true)
          .put("cancel_at", periodEnd(subscription))
          .put("canceled_at", now(customerId).getEpochSecond());
      details.put("reason", reason);
    } else {
      previous
          .put("cancel_at", subscription.path("cancel_at").asLong())
          .put("canceled_at", subscription.path("canceled_at").asLong());
      subscription.put("cancel_at_period_end", false).putNull("cancel_at").putNull("canceled_at");
      details.putNull("reason");
    }
    return List.of(event("customer.subscription.updated", subscription, previous, customerId));
  }

  private String attach(String customerId, TestCard card) {
    String pm = id("pm");
    cards.put(pm, card);
    ((ObjectNode) customers.get(customerId).get("invoice_settings"))
        .put("default_payment_method", pm);
    return pm;
  }

  private ObjectNode subscription(
      String id,
      String customerId,
      String paymentMethod,
      Instant start,
      Instant end,
      ObjectNode metadata) {
    ObjectNode subscription = json.createObjectNode();
    subscription
        .put("id", id)
        .put("object", "subscription")
        .putNull("application")
        .putNull("application_fee_percent");
    subscription
        .putObject("automatic_tax")
        .putNull("disabled_reason")
        .put("enabled", false)
        .putNull("liability");
    subscription
        .put("billing_cycle_anchor", start.getEpochSecond())
        .putNull("billing_cycle_anchor_config");
    subscription.putObject("billing_mode").put("type", "flexible");
    subscription
        .putNull("billing_thresholds")
        .putNull("cancel_at")
        .put("cancel_at_period_end", false)
        .putNull("canceled_at");
    subscription
        .putObject("cancellation_details")
        .putNull("comment")
        .putNull("feedback")
        .putNull("reason");
    subscription
        .put("collection_method", "charge_automatically")
        .put("created", start.getEpochSecond())
        .put("currency", price.currency())
        .put("customer", customerId)
        .putNull("days_until_due")
        .put("default_payment_method", paymentMethod)
        .putNull("description")
        .putNull("ended_at");
    ObjectNode items = subscription.putObject("items");
    items.put("object", "list");
    ObjectNode item = items.putArray("data").addObject();
    item.put("id", id("si"))
        .put("object", "subscription_item")
        .put("created", start.getEpochSecond())
        .put("current_period_end", end.getEpochSecond())
        .put("current_period_start", start.getEpochSecond());
    item.putObject("metadata");
    item.set("price", priceJson());
    item.put("quantity", 1).put("subscription", id);
    items
        .put("has_more", false)
        .put("total_count", 1)
        .put("url", "/v1/subscription_items?subscription=" + id);
    subscription.putNull("latest_invoice").put("livemode", false);
    subscription.set("metadata", metadata == null ? json.createObjectNode() : metadata.deepCopy());
    subscription
        .putNull("pause_collection")
        .put("start_date", start.getEpochSecond())
        .put("status", "active")
        .putNull("test_clock")
        .putNull("trial_end")
        .putNull("trial_start");
    return subscription;
  }

  private ObjectNode priceJson() {
    ObjectNode node = json.createObjectNode();
    node.put("id", price.id())
        .put("object", "price")
        .put("active", true)
        .put("billing_scheme", "per_unit")
        .put("currency", price.currency())
        .put("livemode", false)
        .put("product", "prod_test_standin");
    node.putObject("recurring")
        .put("interval", "month")
        .put("interval_count", 1)
        .put("usage_type", "licensed");
    node.put("type", "recurring").put("unit_amount", price.unitAmount());
    return node;
  }

  private ObjectNode invoice(
      String customerId, ObjectNode subscription, String reason, Instant start, Instant end) {
    String id = id("in");
    String subscriptionId = subscription.path("id").asText();
    ObjectNode invoice = json.createObjectNode();
    invoice
        .put("id", id)
        .put("object", "invoice")
        .put("amount_due", price.unitAmount())
        .put("amount_paid", 0)
        .put("amount_remaining", price.unitAmount())
        .put("attempt_count", 0)
        .put("attempted", false)
        .put("billing_reason", reason)
        .put("collection_method", "charge_automatically")
        .put("created", start.getEpochSecond())
        .put("currency", price.currency())
        .put("customer", customerId)
        .put("customer_email", customers.get(customerId).path("email").asText(null))
        .putNull("hosted_invoice_url")
        .putNull("invoice_pdf");
    ObjectNode lines = invoice.putObject("lines");
    lines.put("object", "list");
    ObjectNode line = lines.putArray("data").addObject();
    line.put("id", id("il"))
        .put("object", "line_item")
        .put("amount", price.unitAmount())
        .put("currency", price.currency())
        .put("description", "1 × " + price.productName());
    ObjectNode lineParent = line.putObject("parent");
    lineParent.put("type", "subscription_item_details");
    lineParent
        .putObject("subscription_item_details")
        .put("subscription", subscriptionId)
        .put(
            "subscription_item",
            subscription.path("items").path("data").get(0).path("id").asText());
    line.putObject("period").put("end", end.getEpochSecond()).put("start", start.getEpochSecond());
    line.put("quantity", 1);
    lines.put("has_more", false).put("total_count", 1).put("url", "/v1/invoices/" + id + "/lines");
    invoice
        .put("livemode", false)
        .putNull("next_payment_attempt")
        .put("number", id.substring(id.length() - 8).toUpperCase() + "-0001");
    ObjectNode parent = invoice.putObject("parent");
    parent.put("type", "subscription_details").putNull("quote_details");
    parent
        .putObject("subscription_details")
        .put("subscription", subscriptionId)
        .set("metadata", subscription.path("metadata").deepCopy());
    invoice
        .put("period_end", start.getEpochSecond())
        .put("period_start", start.getEpochSecond())
        .put("status", "open")
        .put("subtotal", price.unitAmount())
        .put("total", price.unitAmount());
    invoice.putObject("status_transitions").putNull("finalized_at").putNull("paid_at");
    invoices.put(id, invoice);
    return invoice;
  }

  private void pay(ObjectNode invoice, Instant at) {
    invoice
        .put("amount_paid", invoice.path("amount_due").asLong())
        .put("amount_remaining", 0)
        .put("attempt_count", Math.max(1, invoice.path("attempt_count").asInt()))
        .put("attempted", true)
        .putNull("next_payment_attempt")
        .put("status", "paid");
    ((ObjectNode) invoice.get("status_transitions"))
        .put("finalized_at", at.getEpochSecond())
        .put("paid_at", at.getEpochSecond());
  }

  /**
   * An event of the object as it is now. Its {@code created} is the real time, made strictly
   * increasing, so that a receiver ordering snapshots by it never sees two of one object tied.
   */
  private WebhookEvent event(
      String type, ObjectNode object, ObjectNode previousAttributes, String customerId) {
    String id = id("evt");
    long created = Math.max(clock.instant().getEpochSecond(), lastEventCreated + 1);
    lastEventCreated = created;
    ObjectNode event = json.createObjectNode();
    event
        .put("id", id)
        .put("object", "event")
        .put("api_version", API_VERSION)
        .put("created", created);
    ObjectNode data = event.putObject("data");
    data.set("object", object.deepCopy());
    if (previousAttributes != null) {
      data.set("previous_attributes", previousAttributes);
    }
    event.put("livemode", false).put("pending_webhooks", 1);
    event.putObject("request").putNull("id").putNull("idempotency_key");
    event.put("type", type);
    try {
      return new WebhookEvent(
          id, type, json.writerWithDefaultPrettyPrinter().writeValueAsString(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<ObjectNode> latestSubscription(String customerId) {
    return subscriptions.values().stream()
        .filter(s -> customerId.equals(s.path("customer").asText()))
        .max(
            (a, b) -> {
              int byLive = Boolean.compare(!ended(a), !ended(b));
              return byLive != 0
                  ? byLive
                  : Long.compare(a.path("created").asLong(), b.path("created").asLong());
            });
  }

  private static boolean ended(JsonNode subscription) {
    String status = subscription.path("status").asText();
    return "canceled".equals(status) || "incomplete_expired".equals(status);
  }

  private static long periodEnd(JsonNode subscription) {
    return subscription.path("items").path("data").get(0).path("current_period_end").asLong();
  }

  private Instant now(String customerId) {
    Duration offset =
        customerId == null ? Duration.ZERO : clockOffsets.getOrDefault(customerId, Duration.ZERO);
    return clock.instant().plus(offset);
  }

  private void moveClock(String customerId, Instant to) {
    Duration ahead = Duration.between(clock.instant(), to);
    if (ahead.compareTo(clockOffsets.getOrDefault(customerId, Duration.ZERO)) > 0) {
      clockOffsets.put(customerId, ahead);
    }
  }

  private void metadata(ObjectNode object, FormBody form) {
    object.set("metadata", json.valueToTree(form.hash("metadata")));
  }

  private static ObjectNode existing(
      Map<String, ObjectNode> objects, String id, String what, String param) {
    ObjectNode object = objects.get(id);
    if (object == null) {
      throw StripeError.noSuch(what, id, param);
    }
    return object;
  }

  /**
   * The object without the stand-in's own bookkeeping fields (those starting with an underscore).
   */
  private ObjectNode visible(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    List<String> hidden = new ArrayList<>();
    copy.fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("_")) {
                hidden.add(name);
              }
            });
    copy.remove(hidden);
    return copy;
  }
}
