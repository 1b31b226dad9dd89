package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Analytics end to end in the local system: a change made through the api reaches the admins' analytics endpoint
 * through the outbox, the relay, Kafka, the analytics topology, its compacted topic and the sink into PostgreSQL.
 */
class AnalyticsFlowTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct horse battery staple";

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void an_approved_listing_shows_in_the_admins_figures_and_leaves_them_when_deleted() throws Exception {
    String admin = adminToken();
    String townSlug = "stats-" + UUID.randomUUID().toString().substring(0, 8);
    send("POST", "/api/admin/towns", admin, JSON.createObjectNode().put("name", "Statton").put("slug", townSlug)
        .put("timezone", "Europe/London"));
    String townId = ApiClient.read(api.get(system.apiUrl() + "/api/towns/" + townSlug).body()).get("id").asText();
    String ownerEmail = ApiClient.uniqueEmail("stats-owner");
    api.register(ownerEmail, "Stan Owner");
    String owner = signIn(ownerEmail);
    String businessId = ApiClient.read(send("POST", "/api/businesses", owner, JSON.createObjectNode().put("townId", townId)
        .put("name", "Statton Books").put("category", "BOOKS").put("description", "Second-hand books")).body())
        .get("id").asText();
    send("POST", "/api/businesses/" + businessId + "/submit", owner, null);
    send("POST", "/api/admin/businesses/" + businessId + "/approve", admin, null);

    await().atMost(Duration.ofSeconds(90)).until(() -> published(admin, townId), Optional.of(1L)::equals);

    send("DELETE", "/api/businesses/" + businessId, owner, null);
    await().atMost(Duration.ofSeconds(90)).until(() -> published(admin, townId), Optional.of(0L)::equals);
  }

  private Optional<Long> published(String admin, String townId) throws Exception {
    JsonNode report = ApiClient.read(send("GET", "/api/admin/analytics/listings", admin, null).body());
    for (JsonNode row : report.get("rows")) {
      if (townId.equals(row.get("townId").asText())) {
        return Optional.of(row.get("published").asLong());
      }
    }
    return Optional.empty();
  }

  private String adminToken() {
    return StackAdmin.token(system);
  }

  private String signIn(String email) {
    HttpResponse<String> response = api.post("/api/auth/login",
        JSON.createObjectNode().put("email", email).put("password", PASSWORD).toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ApiClient.read(response.body()).get("accessToken").asText();
  }

  private HttpResponse<String> send(String method, String path, String token, ObjectNode body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.apiUrl() + path))
        .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    return response;
  }
}
