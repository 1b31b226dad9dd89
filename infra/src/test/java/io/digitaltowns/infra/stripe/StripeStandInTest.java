package io.digitaltowns.infra.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeStandInTest {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<String> badSignatures = new CopyOnWriteArrayList<>();
  private StripeStandIn stripe;
  private HttpServer webhooks;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    stripe = new StripeStandIn(port);
    stripe.start();
    webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    webhooks.createContext(
        "/api/stripe/webhook",
        exchange -> {
          String payload =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String header = exchange.getRequestHeaders().getFirst("Stripe-Signature");
          if (header.equals(expectedSignature(payload, header))) {
            received.add(json.readTree(payload));
          } else {
            badSignatures.add(header);
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    webhooks.start();
    stripe.deliverWebhooksTo(
        "http://localhost:" + webhooks.getAddress().getPort() + "/api/stripe/webhook");
  }

  @AfterEach
  void stop() {
    stripe.stop();
    webhooks.stop(0);
  }

  @Test
  void
      checkout_with_the_test_card_redirects_to_success_and_sends_the_three_events_signed_as_stripe_signs_them()
          throws Exception {
    JsonNode session = checkout();
    assertThat(session.path("object").asText()).isEqualTo("checkout.session");
    assertThat(session.path("url").asText()).startsWith(stripe.url() + "/checkout/cs_test_");

    HttpResponse<String> paid = pay(session, "4242 4242 4242 4242");

    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("Location"))
        .contains(
            "https://towns.example.org/my/businesses/b1/subscription?checkout=success&session_id="
                + session.path("id").asText());
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
    assertThat(received)
        .extracting(event -> event.path("type").asText())
        .containsExactly(
            "checkout.session.completed", "customer.subscription.created", "invoice.paid");
    assertThat(badSignatures).isEmpty();
    JsonNode subscription = received.get(1).path("data").path("object");
    assertThat(subscription.path("status").asText()).isEqualTo("active");
    assertThat(subscription.path("metadata").path("business_id").asText()).isEqualTo("b1");
    assertThat(
            received
                .get(2)
                .path("data")
                .path("object")
                .path("parent")
                .path("subscription_details")
                .path("subscription")
                .asText())
        .isEqualTo(subscription.path("id").asText());
    JsonNode retrieved =
        api("GET", "/v1/subscriptions/" + subscription.path("id").asText(), null, null);
    assertThat(retrieved.path("items").path("data").get(0).path("current_period_end").asLong())
        .isGreaterThan(retrieved.path("start_date").asLong() + 27 * 86400);
  }

  @Test
  void
      with_card_0341_the_renewal_fails_and_makes_the_subscription_past_due_until_a_good_card_pays_the_retry()
          throws Exception {
    JsonNode session = checkout();
    pay(session, "4000000000000341");
    await().until(() -> received.size() == 3);
    String customer = session.path("customer").asText();

    assertThat(stripe.advance(customer))
        .containsExactly("invoice.payment_failed", "customer.subscription.updated");
    await().until(() -> received.size() == 5);
    assertThat(received.get(4).path("data").path("object").path("status").asText())
        .isEqualTo("past_due");
    JsonNode failed = received.get(3).path("data").path("object");
    assertThat(failed.path("billing_reason").asText()).isEqualTo("subscription_cycle");
    assertThat(failed.path("next_payment_attempt").asLong()).isPositive();

    JsonNode portal =
        api(
            "POST",
            "/v1/billing_portal/sessions",
            "customer=" + customer + "&return_url=https%3A%2F%2Fx",
            null);
    HttpResponse<String> changed =
        form(portal.path("url").asText() + "/card", "card=4242424242424242");
    assertThat(changed.statusCode()).isEqualTo(303);

    assertThat(stripe.advance(customer))
        .containsExactly("invoice.paid", "customer.subscription.updated");
    await().until(() -> received.size() == 7);
    assertThat(received.get(5).path("data").path("object").path("id").asText())
        .isEqualTo(failed.path("id").asText());
    assertThat(received.get(6).path("data").path("object").path("status").asText())
        .isEqualTo("active");
  }

  @Test
  void a_cancellation_at_the_period_end_ends_the_subscription_when_the_clock_reaches_it()
      throws Exception {
    JsonNode session = checkout();
    pay(session, "4242424242424242");
    await().until(() -> received.size() == 3);
    String subscription = received.get(1).path("data").path("object").path("id").asText();

    JsonNode updated =
        api("POST", "/v1/subscriptions/" + subscription, "cancel_at_period_end=true", null);
    assertThat(updated.path("cancel_at_period_end").asBoolean()).isTrue();
    assertThat(updated.path("status").asText()).isEqualTo("active");

    assertThat(stripe.advance(subscription)).containsExactly("customer.subscription.deleted");
    await().until(() -> received.size() == 5);
    assertThat(received.get(4).path("data").path("object").path("status").asText())
        .isEqualTo("canceled");
    HttpResponse<String> again =
        raw("DELETE", "/v1/subscriptions/" + subscription, null, stripe.secretKey(), null);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(json.readTree(again.body()).path("error").path("code").asText())
        .isEqualTo("resource_missing");
  }

  @Test
  void shuffled_twice_delivers_every_event_two_times() throws Exception {
    stripe.deliveryMode(DeliveryMode.SHUFFLED_TWICE);
    pay(checkout(), "4242424242424242");
    await().until(() -> received.size() == 6 && stripe.pendingDeliveries() == 0);
    assertThat(received.stream().map(event -> event.path("id").asText()).distinct()).hasSize(3);
  }

  @Test
  void refusals_come_in_stripes_error_shape_and_an_idempotency_key_replays_the_first_answer()
      throws Exception {
    HttpResponse<String> noKey =
        raw("POST", "/v1/customers", "name=A", "sk_test_wrong_key_0123456789", null);
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.body()).doesNotContain("sk_test_wrong_key_0123456789");
    assertThat(json.readTree(noKey.body()).path("error").path("type").asText())
        .isEqualTo("invalid_request_error");

    HttpResponse<String> missing =
        raw("GET", "/v1/subscriptions/sub_nope", null, stripe.secretKey(), null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).path("error").path("message").asText())
        .isEqualTo("No such subscription: 'sub_nope'");

    JsonNode first =
        api("POST", "/v1/customers", "name=Bakery&metadata%5Bbusiness_id%5D=b1", "key-1");
    JsonNode second =
        api("POST", "/v1/customers", "name=Bakery&metadata%5Bbusiness_id%5D=b1", "key-1");
    assertThat(second.path("id")).isEqualTo(first.path("id"));
    assertThat(first.path("metadata").path("business_id").asText()).isEqualTo("b1");
    assertThat(raw("POST", "/v1/customers", "name=Other", stripe.secretKey(), "key-1").statusCode())
        .isEqualTo(400);
  }

  @Test
  void
      the_operator_advances_the_subscription_of_a_business_named_by_its_id_and_only_with_the_admin_token()
          throws Exception {
    JsonNode session = checkout("b7");
    pay(session, "4242 4242 4242 4242");
    await().until(() -> received.size() == 3);

    assertThat(
            raw("POST", "/_standin/advance?business=b7", null, stripe.secretKey(), null)
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> advanced =
        raw("POST", "/_standin/advance?business=b7", null, stripe.adminToken(), null);

    assertThat(advanced.statusCode()).as(advanced.body()).isEqualTo(200);
    assertThat(json.readTree(advanced.body()).path("events"))
        .extracting(JsonNode::asText)
        .containsExactly("invoice.paid", "customer.subscription.updated");
    assertThat(
            raw("POST", "/_standin/advance?business=unknown", null, stripe.adminToken(), null)
                .statusCode())
        .isEqualTo(400);
  }

  private JsonNode checkout() throws Exception {
    return checkout("b1");
  }

  private JsonNode checkout(String business) throws Exception {
    JsonNode customer =
        api(
            "POST",
            "/v1/customers",
            "email=owner%40example.org&name=Bakery&metadata%5Bbusiness_id%5D=" + business,
            null);
    String success =
        "https://towns.example.org/my/businesses/"
            + business
            + "/subscription?checkout=success&session_id={CHECKOUT_SESSION_ID}";
    return api(
        "POST",
        "/v1/checkout/sessions",
        "mode=subscription&customer="
            + customer.path("id").asText()
            + "&line_items%5B0%5D%5Bprice%5D="
            + stripe.priceId()
            + "&line_items%5B0%5D%5Bquantity%5D=1"
            + "&client_reference_id="
            + business
            + "&subscription_data%5Bmetadata%5D%5Bbusiness_id%5D="
            + business
            + "&success_url="
            + java.net.URLEncoder.encode(success, StandardCharsets.UTF_8)
            + "&cancel_url=https%3A%2F%2Ftowns.example.org%2Fcanceled",
        null);
  }

  private HttpResponse<String> pay(JsonNode session, String card) throws Exception {
    return form(
        session.path("url").asText(), "email=owner%40example.org&card=" + card.replace(" ", "+"));
  }

  private HttpResponse<String> form(String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode api(String method, String path, String body, String idempotencyKey)
      throws Exception {
    HttpResponse<String> response = raw(method, path, body, stripe.secretKey(), idempotencyKey);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> raw(
      String method, String path, String body, String key, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stripe.url() + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stripe's documented scheme, written out here so the test does not trust the code it checks. */
  private String expectedSignature(String payload, String header) {
    try {
      return sign(payload, header);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sign(String payload, String header) throws java.security.GeneralSecurityException {
    String t = header.substring(2, header.indexOf(','));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(stripe.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "t="
        + t
        + ",v1="
        + HexFormat.of()
            .formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
  }
}
