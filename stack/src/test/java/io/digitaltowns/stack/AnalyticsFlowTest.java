package io.digitaltowns.stack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Analytics end to end in the local system: a change made through the api reaches the admins'
 * analytics endpoint through the outbox, the relay, Kafka, the analytics topology, its compacted
 * topic and the sink into PostgreSQL.
 */
class AnalyticsFlowTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void an_approved_listing_shows_in_the_admins_figures_and_leaves_them_when_deleted()
      throws Exception {
    String admin = adminToken();
    String townSlug = "stats-" + UUID.randomUUID().toString().substring(0, 8);
    api.call(
        "POST",
        "/api/admin/towns",
        admin,
        JSON.createObjectNode()
            .put("name", "Statton")
            .put("slug", townSlug)
            .put("timezone", "Europe/London"));
    String townId =
        ApiClient.read(api.get(system.apiUrl() + "/api/towns/" + townSlug).body())
            .get("id")
            .asText();
    String ownerEmail = ApiClient.uniqueEmail("stats-owner");
    api.register(ownerEmail, "Stan Owner");
    String owner = api.signIn(ownerEmail);
    String businessId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/businesses",
                        owner,
                        JSON.createObjectNode()
                            .put("townId", townId)
                            .put("name", "Statton Books")
                            .put("category", "BOOKS")
                            .put("description", "Second-hand books"))
                    .body())
            .get("id")
            .asText();
    api.call("POST", "/api/businesses/" + businessId + "/submit", owner, null);
    api.call("POST", "/api/admin/businesses/" + businessId + "/approve", admin, null);

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> published(admin, townId), Optional.of(1L)::equals);

    api.call("DELETE", "/api/businesses/" + businessId, owner, null);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> published(admin, townId), Optional.of(0L)::equals);
  }

  private Optional<Long> published(String admin, String townId) throws Exception {
    JsonNode report =
        ApiClient.read(api.call("GET", "/api/admin/analytics/listings", admin, null).body());
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
}
