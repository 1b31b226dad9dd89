package io.digitaltowns.api.billing.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.digitaltowns.api.billing.BillingHttpTest;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeStub;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server answering like Stripe's POST /v1/billing_portal/sessions. */
class CustomerPortalTest extends BillingHttpTest {

  private static final String PORTAL_SESSIONS = "/v1/billing_portal/sessions";

  private UUID businessId;
  private String customerId;

  @BeforeEach
  void aBusinessThatCheckedOutBefore() {
    businessId = publishedBusiness("Village Books");
    customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    String returnUrl =
        StripeStub.PUBLIC_BASE_URL + "/my/businesses/" + businessId + "/subscription";
    stripe.stubFor(
        WireMock.post(urlEqualTo(PORTAL_SESSIONS))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        StripeObjects.portalSession("bps_1DigitalTowns", customerId, returnUrl))));
  }

  private void hasCustomer() {
    jdbc.sql(
            "INSERT INTO business_billing (business_id, stripe_customer_id, subscription_id, status) "
                + "VALUES (:id, :customer, :subscription, 'past_due')")
        .param("id", businessId)
        .param("customer", customerId)
        .param("subscription", "sub_" + customerId)
        .update();
  }

  @Test
  void
      the_owner_gets_a_portal_link_for_the_business_customer_that_returns_to_the_subscription_page() {
    hasCustomer();

    HttpResponse<String> response =
        post("/api/businesses/" + businessId + "/subscription/portal", owner.accessToken(), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(read(response).get("url").asText())
        .isEqualTo("https://billing.stripe.com/p/session/test_bps_1DigitalTowns");
    var sent = stripe.findAll(postRequestedFor(urlEqualTo(PORTAL_SESSIONS)));
    assertThat(sent).hasSize(1);
    assertThat(StripeStub.form(sent.get(0)))
        .containsEntry("customer", customerId)
        .containsEntry(
            "return_url",
            StripeStub.PUBLIC_BASE_URL + "/my/businesses/" + businessId + "/subscription");
    assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
  }

  @Test
  void a_business_that_never_checked_out_gets_409() {
    HttpResponse<String> response =
        post("/api/businesses/" + businessId + "/subscription/portal", owner.accessToken(), null);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(read(response).get("title").asText()).isEqualTo("No billing account yet");
    assertThat(stripe.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void someone_else_may_not_open_the_portal() {
    hasCustomer();
    Member stranger = registerAndSignIn("stranger");

    assertThat(
            post(
                    "/api/businesses/" + businessId + "/subscription/portal",
                    stranger.accessToken(),
                    null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post("/api/businesses/" + businessId + "/subscription/portal", null, null).statusCode())
        .isEqualTo(401);
    assertThat(
            post(
                    "/api/businesses/" + businessId + "/subscription/portal",
                    admin.accessToken(),
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(stripe.findAll(postRequestedFor(anyUrl()))).hasSize(1);
  }
}
