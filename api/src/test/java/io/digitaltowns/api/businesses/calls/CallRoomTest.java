package io.digitaltowns.api.businesses.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.CloudflareCallsStub;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a local server that answers like Cloudflare's Calls API (POST
 * /v1/apps/{appId}/sessions/new).
 */
class CallRoomTest extends ApiHttpTest {

  private static final String NEW_SESSION =
      "/v1/apps/" + CloudflareCallsStub.APP_ID + "/sessions/new";

  private final WireMockServer cloudflare = CloudflareCallsStub.shared();
  private Member admin;
  private Member owner;
  private UUID businessId;

  @BeforeEach
  void aPublishedBusiness() {
    cloudflare.resetAll();
    admin = admin();
    owner = registerAndSignIn("caller");
    UUID town =
        createTown(admin, "calls-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    ObjectNode listing =
        json().put("townId", town.toString()).put("name", "Video Vet").put("category", "HEALTH");
    businessId =
        UUID.fromString(
            read(post("/api/businesses", owner.accessToken(), listing)).get("id").asText());
    post("/api/businesses/" + businessId + "/submit", owner.accessToken(), null);
    post("/api/admin/businesses/" + businessId + "/approve", admin.accessToken(), null);
  }

  @Test
  void the_owner_opens_a_room_and_gets_what_the_browser_needs_to_join() {
    cloudflare.stubFor(
        WireMock.post(urlEqualTo(NEW_SESSION))
            .withHeader("Authorization", equalTo("Bearer " + CloudflareCallsStub.APP_SECRET))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"sessionId\":\"sess-123\",\"sessionDescription\":{\"type\":\"answer\",\"sdp\":\"v=0 answer\"}}")));
    ObjectNode offer = json();
    offer.putObject("sessionDescription").put("type", "offer").put("sdp", "v=0 offer");

    HttpResponse<String> room =
        post("/api/businesses/" + businessId + "/call-room", owner.accessToken(), offer);

    assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
    assertThat(read(room).get("sessionId").asText()).isEqualTo("sess-123");
    assertThat(read(room).get("appId").asText()).isEqualTo(CloudflareCallsStub.APP_ID);
    assertThat(read(room).get("sessionDescription").get("sdp").asText()).isEqualTo("v=0 answer");
    assertThat(room.body()).doesNotContain(CloudflareCallsStub.APP_SECRET);
    cloudflare.verify(
        postRequestedFor(urlEqualTo(NEW_SESSION))
            .withRequestBody(
                equalToJson(
                    "{\"sessionDescription\":{\"type\":\"offer\",\"sdp\":\"v=0 offer\"}}")));
  }

  @Test
  void a_refusal_by_cloudflare_is_a_502_problem() {
    cloudflare.stubFor(
        WireMock.post(urlEqualTo(NEW_SESSION))
            .willReturn(aResponse().withStatus(401).withBody("{\"errorCode\":\"unauthorized\"}")));

    HttpResponse<String> room =
        post("/api/businesses/" + businessId + "/call-room", owner.accessToken(), null);

    assertThat(room.statusCode()).isEqualTo(502);
    assertThat(room.body())
        .contains("\"status\":502")
        .doesNotContain(CloudflareCallsStub.APP_SECRET);
  }

  @Test
  void only_the_owner_of_a_published_business_may_open_a_room() {
    Member stranger = registerAndSignIn("stranger");
    post("/api/businesses/" + businessId + "/unpublish", owner.accessToken(), null);

    assertThat(
            post("/api/businesses/" + businessId + "/call-room", stranger.accessToken(), null)
                .statusCode())
        .isIn(403, 404);
    assertThat(
            post("/api/businesses/" + businessId + "/call-room", owner.accessToken(), null)
                .statusCode())
        .isEqualTo(409);
    assertThat(cloudflare.getAllServeEvents()).isEmpty();
  }
}
