package io.digitaltowns.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * The api against the shared servers and the Stripe stand-in, with a published business and its
 * owner.
 */
public abstract class BillingHttpTest extends ApiHttpTest {

  protected final WireMockServer stripe = StripeStub.shared();

  protected Member admin;
  protected Member owner;
  protected UUID townId;

  @BeforeEach
  void aTownAndAnOwner() {
    stripe.resetAll();
    admin = admin();
    owner = registerAndSignIn("owner");
    townId =
        createTown(admin, "bill-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
  }

  /** A listing of the owner's, as a draft. */
  protected UUID draftBusiness(String name) {
    ObjectNode listing =
        json().put("townId", townId.toString()).put("name", name).put("category", "BAKERY");
    HttpResponse<String> created = post("/api/businesses", owner.accessToken(), listing);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(read(created).get("id").asText());
  }

  /** A listing of the owner's, submitted and approved. */
  protected UUID publishedBusiness(String name) {
    UUID id = draftBusiness(name);
    assertThat(post("/api/businesses/" + id + "/submit", owner.accessToken(), null).statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  /** A POST with a raw body and headers of the test's choosing. */
  protected HttpResponse<String> postRaw(String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path, null).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }
}
