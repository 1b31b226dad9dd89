package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.backup.store.BackupStorageSettings;
import io.digitaltowns.backup.store.BackupStore;
import io.digitaltowns.infra.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deleting an account end to end (issue 16, finding 7): the api deletes the account's listing with
 * its own event, the relay publishes it, the consumers' photo-cleanup group deletes the listing's
 * photo from the real S3 store, and the company's CRM timeline, read from the api's CRM endpoint,
 * shows the deletion and the clean-up.
 */
class DeletionCleanupFlowTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void deleting_an_account_deletes_its_listing_and_photo_and_the_crm_timeline_shows_each_step()
      throws Exception {
    String admin = StackAdmin.token(system);
    String townSlug = "gone-" + UUID.randomUUID().toString().substring(0, 8);
    api.call(
        "POST",
        "/api/admin/towns",
        admin,
        JSON.createObjectNode()
            .put("name", "Goneton")
            .put("slug", townSlug)
            .put("timezone", "Europe/London"));
    String townId =
        ApiClient.read(api.get(system.apiUrl() + "/api/towns/" + townSlug).body())
            .get("id")
            .asText();
    String ownerEmail = ApiClient.uniqueEmail("leaving-owner");
    api.register(ownerEmail, "Lea Leaving");
    String owner = api.signIn(ownerEmail);
    String businessId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/businesses",
                        owner,
                        JSON.createObjectNode()
                            .put("townId", townId)
                            .put("name", "Goneton Gallery")
                            .put("category", "CAFE")
                            .put("description", "Closing for good"))
                    .body())
            .get("id")
            .asText();
    String photoKey = uploadedPhoto(owner, businessId);

    try (BackupStore photos = photoBucket(system.stack())) {
      assertThat(photos.exists(photoKey)).isTrue();
      await()
          .atMost(DEADLINE)
          .until(() -> timelineKinds(businessId, admin).contains("LISTING_CREATED"));

      api.call("DELETE", "/api/me", owner, null);

      await().atMost(DEADLINE).until(() -> !photos.exists(photoKey));
      await()
          .atMost(DEADLINE)
          .until(
              () -> timelineKinds(businessId, admin),
              kinds -> kinds.containsAll(List.of("LISTING_DELETED", "PHOTOS_DELETED")));
    }
    JsonNode company =
        ApiClient.read(
            api.get(system.apiUrl() + "/api/admin/crm/companies/" + businessId, admin).body());
    assertThat(company.at("/company/status").asText()).isEqualTo("DELETED");
  }

  /**
   * An upload asked for and its bytes put into the bucket (not confirmed: a pending photo has an
   * object too).
   */
  private String uploadedPhoto(String owner, String businessId)
      throws IOException, InterruptedException {
    byte[] bytes = "a photo of the shop front".getBytes(StandardCharsets.UTF_8);
    JsonNode ticket =
        ApiClient.read(
            api.call(
                    "POST",
                    "/api/businesses/" + businessId + "/photos/upload-url",
                    owner,
                    JSON.createObjectNode()
                        .put("contentType", "image/jpeg")
                        .put("sizeBytes", bytes.length))
                .body());
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asText()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    ticket
        .get("headers")
        .fields()
        .forEachRemaining(header -> put.header(header.getKey(), header.getValue().asText()));
    assertThat(
            HttpClient.newHttpClient()
                .send(put.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(200);
    return system
        .api()
        .getBean(JdbcClient.class)
        .sql("SELECT object_key FROM business_photos WHERE id = :id")
        .param("id", UUID.fromString(ticket.get("photoId").asText()))
        .query(String.class)
        .single();
  }

  private static BackupStore photoBucket(LocalStack stack) {
    return BackupStore.connect(
        new BackupStorageSettings(
            stack.s3Endpoint(),
            stack.s3Region(),
            "digitaltowns-photos",
            stack.s3AccessKey(),
            stack.s3SecretKey(),
            true));
  }

  private List<String> timelineKinds(String businessId, String admin) {
    HttpResponse<String> timeline =
        api.get(system.apiUrl() + "/api/admin/crm/companies/" + businessId + "/timeline", admin);
    return timeline.statusCode() == 200
        ? ApiClient.read(timeline.body()).findValuesAsText("kind")
        : List.of();
  }
}
