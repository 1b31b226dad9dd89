package io.digitaltowns.infra.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.digitaltowns.infra.http.JsonHttpServer;
import io.digitaltowns.infra.stripe.StripeAccount.Change;
import io.digitaltowns.infra.stripe.StripeAccount.Payment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Stripe, for the local stack and tests: the part of Stripe's REST API the
 * project calls (customers, Checkout Sessions in subscription mode, Billing Portal sessions,
 * subscriptions: retrieve, update cancel_at_period_end, cancel), form-encoded requests and Stripe's
 * JSON and error shapes, idempotency keys; the hosted Checkout and portal pages; and webhooks
 * signed as Stripe signs them. Not Stripe: see docs/billing.md ("Local Stripe stand-in") for what
 * it covers and what it does not.
 *
 * <p>Besides Stripe's API, a few operator endpoints (under {@code /_standin/}, with the {@link
 * #adminToken()} as bearer token) play the part of Stripe's test clocks and of its delivery
 * behaviour: advance a subscription to what happens next (renewal, retry, end), and deliver
 * webhooks shuffled and twice.
 */
public final class StripeStandIn {

  private static final Logger log = LoggerFactory.getLogger(StripeStandIn.class);

  private final ObjectMapper json = new ObjectMapper();
  private final JsonHttpServer server;
  private final String secretKey;
  private final String webhookSecret;
  private final String adminToken;
  private final StripeAccount.Price price;
  private final StripeAccount account;
  private final WebhookDeliveries deliveries;

  /**
   * Idempotency-Key → the first answer, replayed for a retry with the same key (Stripe keeps them
   * 24 hours).
   */
  private final Map<String, Answer> idempotent = new ConcurrentHashMap<>();

  private record Answer(String requestBody, int status, String body) {}

  /**
   * @param port where it listens (0 is not supported: the hosted pages' links need the port up
   *     front)
   */
  public StripeStandIn(int port) {
    this(port, Clock.systemUTC());
  }

  StripeStandIn(int port, Clock clock) {
    this.server = new JsonHttpServer("stripe-standin", port, this::handle);
    this.secretKey = "sk_test_standin_" + StripeAccount.id("key").substring(9);
    this.webhookSecret = "whsec_standin_" + StripeAccount.id("key").substring(9);
    this.adminToken = StripeAccount.id("admin").substring(11);
    this.price =
        new StripeAccount.Price("price_standin_featured_monthly", 1900, "eur", "Featured listing");
    this.account = new StripeAccount(json, clock, price, url());
    this.deliveries = new WebhookDeliveries(webhookSecret, clock);
  }

  public void start() {
    server.start();
  }

  public void stop() {
    server.stop();
  }

  /** What STRIPE_API_BASE is set to: stripe-java appends {@code /v1/...}. */
  public String url() {
    return "http://localhost:" + server.port();
  }

  /** The only API key accepted (STRIPE_SECRET_KEY), made up at start. */
  public String secretKey() {
    return secretKey;
  }

  /** The signing secret of the webhook endpoint (STRIPE_WEBHOOK_SECRET), made up at start. */
  public String webhookSecret() {
    return webhookSecret;
  }

  /** The one recurring monthly price (STRIPE_PRICE_ID): € 19.00, "Featured listing". */
  public String priceId() {
    return price.id();
  }

  /** The bearer token of the {@code /_standin/} operator endpoints. */
  public String adminToken() {
    return adminToken;
  }

  /**
   * Where webhook events go (the api's {@code /api/stripe/webhook}); events wait until it is set.
   */
  public void deliverWebhooksTo(String endpointUrl) {
    deliveries.endpoint(endpointUrl);
  }

  /** Where webhook events go now, or null while nobody receives them. */
  public String webhookEndpoint() {
    return deliveries.endpoint();
  }

  public void deliveryMode(DeliveryMode mode) {
    deliveries.mode(mode);
  }

  /** Deliveries sent but not answered 2xx yet (or not given up on). */
  public int pendingDeliveries() {
    return deliveries.pending();
  }

  /**
   * Moves the test clock of a customer's current subscription (or of the subscription named) to
   * what happens next, and sends the events that brings.
   *
   * @return the types of the events sent
   */
  public List<String> advance(String customerOrSubscriptionId) {
    String subscriptionId =
        customerOrSubscriptionId.startsWith("cus_")
            ? account
                .subscriptionOf(customerOrSubscriptionId)
                .orElseThrow(
                    () -> StripeError.invalid("customer", "The customer has no subscription."))
            : customerOrSubscriptionId;
    List<WebhookEvent> events = account.advance(subscriptionId);
    deliveries.send(events);
    return events.stream().map(WebhookEvent::type).toList();
  }

  // --- HTTP
  // ------------------------------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      List<String> path =
          Arrays.stream(exchange.getRequestURI().getRawPath().split("/"))
              .filter(segment -> !segment.isEmpty())
              .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8))
              .toList();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String body = read(exchange);
      try {
        if (!path.isEmpty() && path.get(0).equals("v1")) {
          api(exchange, method, path.subList(1, path.size()), body);
        } else if (!path.isEmpty() && path.get(0).equals("_standin")) {
          operator(exchange, method, path.subList(1, path.size()), body);
        } else if (path.size() >= 2 && path.get(0).equals("checkout")) {
          checkoutPage(exchange, method, path, FormBody.parse(body));
        } else if (path.size() >= 2 && path.get(0).equals("portal")) {
          portalPage(exchange, method, path, FormBody.parse(body));
        } else {
          throw StripeError.noSuch("route", exchange.getRequestURI().getRawPath(), null);
        }
      } catch (StripeError e) {
        if (!path.isEmpty() && (path.get(0).equals("checkout") || path.get(0).equals("portal"))) {
          html(
              exchange,
              e.status(),
              HostedPages.message("Not found", "This page does not exist or has expired."));
        } else {
          json(exchange, e.status(), json.writeValueAsString(e.body(json)));
        }
      } catch (RuntimeException e) {
        log.error(
            "Stripe stand-in failed on {} {}", method, exchange.getRequestURI().getRawPath(), e);
        json(
            exchange,
            500,
            json.writeValueAsString(
                new StripeError(
                        500,
                        "api_error",
                        null,
                        null,
                        "An unexpected error occurred in the Stripe stand-in.")
                    .body(json)));
      }
    }
  }

  private void api(HttpExchange exchange, String method, List<String> path, String body)
      throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !equal(authorization, "Bearer " + secretKey)) {
      throw new StripeError(
          401,
          "invalid_request_error",
          null,
          null,
          authorization == null
              ? "You did not provide an API key."
              : "Invalid API Key provided: " + masked(authorization.replaceFirst("^Bearer ", "")));
    }
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    if ("POST".equals(method) && key != null) {
      Answer earlier = idempotent.get(key);
      if (earlier != null) {
        if (!earlier.requestBody().equals(body)) {
          throw new StripeError(
              400,
              "idempotency_error",
              null,
              null,
              "Keys for idempotent requests can only be "
                  + "used with the same parameters they were first used with.");
        }
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        json(exchange, earlier.status(), earlier.body());
        return;
      }
    }
    FormBody form = FormBody.parse(body);
    String route = method + " " + shape(path);
    ObjectNode answer =
        switch (route) {
          case "POST customers" -> account.createCustomer(form);
          case "GET customers/{id}" -> account.customer(path.get(1));
          case "POST checkout/sessions" -> account.createCheckoutSession(form);
          case "GET checkout/sessions/{id}" -> account.checkoutSession(path.get(2));
          case "POST billing_portal/sessions" -> account.createPortalSession(form);
          case "GET subscriptions/{id}" -> account.subscription(path.get(1));
          case "POST subscriptions/{id}" -> sent(account.updateSubscription(path.get(1), form));
          case "DELETE subscriptions/{id}" -> sent(account.cancelNow(path.get(1)));
          default ->
              throw new StripeError(
                  404,
                  "invalid_request_error",
                  null,
                  null,
                  "Unrecognized request URL ("
                      + method
                      + ": /v1/"
                      + String.join("/", path)
                      + "). The local Stripe "
                      + "stand-in answers only the calls DigitalTowns makes (docs/billing.md).");
        };
    String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
    if ("POST".equals(method) && key != null) {
      idempotent.putIfAbsent(key, new Answer(body, 200, text));
    }
    json(exchange, 200, text);
  }

  /**
   * The path with the object ids (the segment after a collection's name) as {id}: customers/{id}.
   */
  private static String shape(List<String> path) {
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      boolean id =
          i > 0 && List.of("customers", "subscriptions", "sessions").contains(path.get(i - 1));
      shape.append(i == 0 ? "" : "/").append(id ? "{id}" : path.get(i));
    }
    return shape.toString();
  }

  private ObjectNode sent(Change change) {
    deliveries.send(change.events());
    return change.object();
  }

  private void operator(HttpExchange exchange, String method, List<String> path, String body)
      throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !equal(authorization, "Bearer " + adminToken)) {
      throw new StripeError(
          401,
          "invalid_request_error",
          null,
          null,
          "The stand-in's operator endpoints need its " + "admin token as bearer token.");
    }
    Map<String, String> query = FormBody.parse(exchange.getRequestURI().getRawQuery()).fields();
    String route = method + " " + String.join("/", path);
    ObjectNode answer = json.createObjectNode();
    switch (route) {
      case "POST advance" -> {
        String target = query.getOrDefault("subscription", query.get("customer"));
        if (target == null && query.get("business") != null) {
          // the id in the owner's page address, so that a newcomer needs no database query to find
          // the customer
          target =
              account
                  .customerOfBusiness(query.get("business"))
                  .orElseThrow(
                      () ->
                          StripeError.invalid(
                              "business", "No customer was made for this business."));
        }
        if (target == null) {
          throw StripeError.missing("customer");
        }
        answer.put("advanced", target);
        advance(target).forEach(answer.putArray("events")::add);
      }
      case "POST delivery-mode" -> {
        String mode = query.getOrDefault("mode", "");
        try {
          deliveries.mode(DeliveryMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw StripeError.invalid("mode", "mode is in_order or shuffled_twice");
        }
        answer.put("mode", deliveries.mode().name().toLowerCase(Locale.ROOT));
      }
      case "GET deliveries" ->
          answer
              .put("mode", deliveries.mode().name().toLowerCase(Locale.ROOT))
              .put("pending", deliveries.pending());
      default -> throw StripeError.noSuch("operator endpoint", route, null);
    }
    json(exchange, 200, json.writeValueAsString(answer));
  }

  private void checkoutPage(HttpExchange exchange, String method, List<String> path, FormBody form)
      throws IOException {
    String sessionId = path.get(1);
    if (path.size() == 3 && path.get(2).equals("cancel") && "POST".equals(method)) {
      String cancelUrl = account.cancelUrl(sessionId);
      redirect(exchange, cancelUrl == null ? "/checkout/" + sessionId : cancelUrl);
      return;
    }
    ObjectNode session = account.checkoutSession(sessionId);
    if ("GET".equals(method)) {
      if ("complete".equals(session.path("status").asText())) {
        redirect(
            exchange,
            session.path("success_url").asText().replace("{CHECKOUT_SESSION_ID}", sessionId));
        return;
      }
      String email =
          session.path("customer").isTextual()
              ? account.customer(session.path("customer").asText()).path("email").asText(null)
              : null;
      html(
          exchange,
          200,
          HostedPages.checkout(
              sessionId, price.productName(), price.unitAmount(), price.currency(), email, null));
      return;
    }
    Payment payment = account.pay(sessionId, form.get("card"), form.get("email"));
    if (payment.declined() != null) {
      html(
          exchange,
          402,
          HostedPages.checkout(
              sessionId,
              price.productName(),
              price.unitAmount(),
              price.currency(),
              form.get("email"),
              payment.declined()));
      return;
    }
    deliveries.send(payment.events());
    redirect(exchange, payment.redirectTo());
  }

  private void portalPage(HttpExchange exchange, String method, List<String> path, FormBody form)
      throws IOException {
    String sessionId = path.get(1);
    if ("GET".equals(method)) {
      Map<String, String> query = FormBody.parse(exchange.getRequestURI().getRawQuery()).fields();
      String notice =
          switch (query.getOrDefault("done", "")) {
            case "card" -> "Your card is updated.";
            case "cancel" -> "Your subscription is canceled: it ends at the end of the period.";
            case "renew" -> "Your subscription renews again.";
            default -> null;
          };
      html(exchange, 200, HostedPages.portal(account.portal(sessionId), null, notice));
      return;
    }
    String action = path.size() == 3 ? path.get(2) : "";
    switch (action) {
      case "card" -> {
        String error = account.changeCard(sessionId, form.get("card"));
        if (error != null) {
          html(exchange, 402, HostedPages.portal(account.portal(sessionId), error, null));
          return;
        }
      }
      case "cancel" -> deliveries.send(account.cancelAtPeriodEnd(sessionId, true));
      case "renew" -> deliveries.send(account.cancelAtPeriodEnd(sessionId, false));
      default -> throw StripeError.noSuch("page", action, null);
    }
    redirect(exchange, "/portal/" + sessionId + "?done=" + action);
  }

  // --- writing answers
  // -------------------------------------------------------------------------------------------

  private static String read(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Request-Id", StripeAccount.id("req"));
    exchange.getResponseHeaders().set("Stripe-Version", StripeAccount.API_VERSION);
    write(exchange, status, "application/json", body);
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    write(exchange, status, "text/html; charset=utf-8", body);
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  private static void write(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static boolean equal(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** As Stripe prints a wrong key: its start and last four characters only. */
  private static String masked(String key) {
    return key.length() <= 12
        ? "****"
        : key.substring(0, 8) + "****" + key.substring(key.length() - 4);
  }
}
