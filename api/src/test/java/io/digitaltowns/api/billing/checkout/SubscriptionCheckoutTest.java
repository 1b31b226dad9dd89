package io.digitaltowns.api.billing.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.digitaltowns.api.billing.BillingHttpTest;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeStub;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local server answering like Stripe's POST /v1/customers and POST /v1/checkout/sessions.
 */
class SubscriptionCheckoutTest extends BillingHttpTest {

  private static final String CUSTOMERS = "/v1/customers";
  private static final String SESSIONS = "/v1/checkout/sessions";

  private UUID businessId;
  private String customerId;
  private String sessionId;

  @BeforeEach
  void aPublishedBusinessAndStripeAnswering() {
    businessId = publishedBusiness("Corner Bakery");
    customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    sessionId = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
    stripe.stubFor(
        WireMock.post(urlEqualTo(CUSTOMERS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_customer")
                    .withBody(
                        StripeObjects.customer(
                            customerId, owner.email(), "Corner Bakery", businessId.toString()))));
    stripe.stubFor(
        WireMock.post(urlEqualTo(SESSIONS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_session")
                    .withBody(
                        StripeObjects.checkoutSession(
                            sessionId, customerId, businessId.toString()))));
  }

  private HttpResponse<String> checkout(UUID id, String accessToken, String idempotencyKey) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (accessToken != null) {
      headers.put("Authorization", "Bearer " + accessToken);
    }
    if (idempotencyKey != null) {
      headers.put("Idempotency-Key", idempotencyKey);
    }
    return postRaw("/api/businesses/" + id + "/subscription/checkout", "", headers);
  }

  private List<LoggedRequest> sent(String path) {
    return stripe.findAll(postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void the_owner_gets_a_checkout_link_for_the_monthly_price_tied_to_the_business() {
    HttpResponse<String> response = checkout(businessId, owner.accessToken(), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(read(response).get("url").asText())
        .isEqualTo(
            "https://checkout.stripe.com/c/pay/" + sessionId + "#fidkdWxOYHwnPyd1blpxYHZxWjA0");

    LoggedRequest customer = sent(CUSTOMERS).get(0);
    assertThat(StripeStub.form(customer))
        .containsEntry("email", owner.email())
        .containsEntry("name", "Corner Bakery")
        .containsEntry("metadata[business_id]", businessId.toString());
    assertThat(customer.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
    assertThat(customer.getHeader("Idempotency-Key")).startsWith("dt-customer-" + businessId);

    LoggedRequest session = sent(SESSIONS).get(0);
    Map<String, String> form = StripeStub.form(session);
    assertThat(form)
        .containsEntry("mode", "subscription")
        .containsEntry("customer", customerId)
        .containsEntry("line_items[0][price]", StripeStub.PRICE_ID)
        .containsEntry("line_items[0][quantity]", "1")
        .containsEntry("client_reference_id", businessId.toString())
        .containsEntry("metadata[business_id]", businessId.toString())
        .containsEntry("subscription_data[metadata][business_id]", businessId.toString())
        .containsEntry(
            "success_url",
            StripeStub.PUBLIC_BASE_URL
                + "/my/businesses/"
                + businessId
                + "/subscription?checkout=success&session_id={CHECKOUT_SESSION_ID}")
        .containsEntry(
            "cancel_url",
            StripeStub.PUBLIC_BASE_URL
                + "/my/businesses/"
                + businessId
                + "/subscription?checkout=canceled");
    assertThat(session.getHeader("Idempotency-Key")).startsWith("dt-checkout-" + businessId + "-");
    assertThat(session.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
    assertThat(
            jdbc.sql("SELECT stripe_customer_id FROM business_billing WHERE business_id = :id")
                .param("id", businessId)
                .query(String.class)
                .single())
        .isEqualTo(customerId);
  }

  @Test
  void the_stripe_customer_is_created_once_and_reused_by_the_next_checkout() {
    assertThat(checkout(businessId, owner.accessToken(), "first-" + UUID.randomUUID()).statusCode())
        .isEqualTo(200);
    assertThat(
            checkout(businessId, owner.accessToken(), "second-" + UUID.randomUUID()).statusCode())
        .isEqualTo(200);

    assertThat(sent(CUSTOMERS)).hasSize(1);
    assertThat(sent(SESSIONS))
        .hasSize(2)
        .allSatisfy(
            session -> assertThat(StripeStub.form(session)).containsEntry("customer", customerId));
    assertThat(
            jdbc.sql("SELECT count(*) FROM business_billing WHERE business_id = :id")
                .param("id", businessId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void a_double_click_asks_stripe_twice_with_one_idempotency_key_so_it_makes_one_session() {
    checkout(businessId, owner.accessToken(), null);
    checkout(businessId, owner.accessToken(), null);
    String clientKey = UUID.randomUUID().toString();
    checkout(businessId, owner.accessToken(), clientKey);
    checkout(businessId, owner.accessToken(), clientKey);
    checkout(businessId, owner.accessToken(), UUID.randomUUID().toString());

    List<String> keys =
        sent(SESSIONS).stream().map(request -> request.getHeader("Idempotency-Key")).toList();
    // findAll lists requests in the order received
    assertThat(keys).hasSize(5);
    assertThat(keys.get(0)).isEqualTo(keys.get(1));
    assertThat(keys.get(2)).isEqualTo(keys.get(3)).isNotEqualTo(keys.get(0));
    assertThat(keys.get(4)).isNotIn(keys.get(0), keys.get(2));
  }

  @Test
  void an_admin_may_start_the_checkout_of_any_business_for_its_owner() {
    HttpResponse<String> response = checkout(businessId, admin.accessToken(), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(StripeStub.form(sent(CUSTOMERS).get(0))).containsEntry("email", owner.email());
  }

  @Test
  void someone_else_gets_403_for_a_published_business_404_for_a_draft_and_401_without_signing_in() {
    Member stranger = registerAndSignIn("stranger");
    UUID draft = draftBusiness("Not Yet Open");

    HttpResponse<String> published = checkout(businessId, stranger.accessToken(), null);
    HttpResponse<String> unpublished = checkout(draft, stranger.accessToken(), null);
    HttpResponse<String> anonymous = checkout(businessId, null, null);
    HttpResponse<String> missing = checkout(UUID.randomUUID(), owner.accessToken(), null);

    assertThat(published.statusCode()).isEqualTo(403);
    assertThat(published.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(unpublished.statusCode()).isEqualTo(404);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(stripe.findAll(postRequestedFor(anyUrl()))).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM business_billing WHERE business_id IN (:ids)")
                .param("ids", List.of(businessId, draft))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_business_with_a_running_subscription_gets_409_and_no_second_checkout() {
    jdbc.sql(
            """
            INSERT INTO business_billing (business_id, stripe_customer_id, subscription_id, status)
            VALUES (:id, :customer, :subscription, 'active')
            """)
        .param("id", businessId)
        .param("customer", customerId)
        .param("subscription", "sub_" + sessionId)
        .update();

    HttpResponse<String> response = checkout(businessId, owner.accessToken(), null);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(read(response).get("title").asText()).isEqualTo("Subscription already active");
    assertThat(read(response).get("status").asInt()).isEqualTo(409);
    assertThat(read(response).get("subscriptionStatus").asText()).isEqualTo("active");
    assertThat(stripe.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void a_canceled_subscription_does_not_stop_a_new_checkout_with_the_same_customer() {
    jdbc.sql(
            """
            INSERT INTO business_billing (business_id, stripe_customer_id, subscription_id, status)
            VALUES (:id, :customer, :subscription, 'canceled')
            """)
        .param("id", businessId)
        .param("customer", customerId)
        .param("subscription", "sub_" + sessionId)
        .update();

    assertThat(checkout(businessId, owner.accessToken(), null).statusCode()).isEqualTo(200);
    assertThat(sent(CUSTOMERS)).isEmpty();
    assertThat(StripeStub.form(sent(SESSIONS).get(0))).containsEntry("customer", customerId);
  }

  @Test
  void stripe_refusing_the_session_is_a_502_that_tells_nothing_of_our_keys() {
    stripe.stubFor(
        WireMock.post(urlEqualTo(SESSIONS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_refused")
                    .withBody(
                        StripeObjects.error(
                            "invalid_request_error",
                            "resource_missing",
                            "No such price: '" + StripeStub.PRICE_ID + "'",
                            "line_items[0][price]"))));

    HttpResponse<String> response = checkout(businessId, owner.accessToken(), null);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(read(response).get("title").asText()).isEqualTo("Payment provider unavailable");
    assertThat(response.body()).doesNotContain(StripeStub.SECRET_KEY).doesNotContain("sk_test");
  }

  @Test
  void an_idempotency_key_that_is_not_printable_ascii_is_refused() {
    HttpResponse<String> response = checkout(businessId, owner.accessToken(), "two words");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").get(0).get("field").asText())
        .isEqualTo("Idempotency-Key");
    assertThat(stripe.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }
}
