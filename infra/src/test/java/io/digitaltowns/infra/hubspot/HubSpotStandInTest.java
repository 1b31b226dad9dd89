package io.digitaltowns.infra.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HubSpot stand-in answers crm-sync's calls as HubSpot documents them, and remembers them. */
class HubSpotStandInTest {

  private static final String UPSERT_CONTACTS = "/crm/v3/objects/contacts/batch/upsert";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private HubSpotStandIn hubSpot;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      hubSpot = new HubSpotStandIn(socket.getLocalPort());
    }
    hubSpot.start();
  }

  @AfterEach
  void stop() {
    hubSpot.stop();
  }

  @Test
  void a_contact_upserted_twice_by_email_is_one_contact_counted_as_two_upserts() throws Exception {
    JsonNode first = upsertContact("Ada@Example.org", "Ada", "subscriber");
    JsonNode second = upsertContact("ada@example.org", "Ada L.", "lead");

    assertThat(first.path("status").asText()).isEqualTo("COMPLETE");
    assertThat(first.path("results").path(0).path("new").asBoolean()).isTrue();
    assertThat(second.path("results").path(0).path("new").asBoolean()).isFalse();
    assertThat(second.path("results").path(0).path("id").asText())
        .isEqualTo(first.path("results").path(0).path("id").asText());
    assertThat(hubSpot.contactUpsertsOf("ada@example.org")).isEqualTo(2);
    assertThat(hubSpot.contactUpsertsOf("grace@example.org")).isZero();
    assertThat(hubSpot.contact("ada@example.org").orElseThrow())
        .containsEntry("firstname", "Ada L.")
        .containsEntry("lifecyclestage", "lead");
  }

  @Test
  void a_contact_found_by_a_property_can_be_erased_once() throws Exception {
    upsertContact("erase@example.org", "Erase Me", "subscriber");
    JsonNode found =
        json.readTree(
            send(
                    "POST",
                    "/crm/v3/objects/contacts/search",
                    """
                    {"filterGroups":[{"filters":[{"propertyName":"firstname","operator":"EQ","value":"Erase Me"}]}],
                     "properties":["email"],"limit":100}""",
                    hubSpot.accessToken())
                .body());
    String id = found.path("results").path(0).path("id").asText();

    assertThat(found.path("total").asInt()).isEqualTo(1);
    assertThat(
            send(
                    "POST",
                    "/crm/v3/objects/contacts/gdpr-delete",
                    "{\"objectId\":\"" + id + "\"}",
                    hubSpot.accessToken())
                .statusCode())
        .isEqualTo(204);
    assertThat(
            send(
                    "POST",
                    "/crm/v3/objects/contacts/gdpr-delete",
                    "{\"objectId\":\"" + id + "\"}",
                    hubSpot.accessToken())
                .statusCode())
        .isEqualTo(404);
    assertThat(hubSpot.contact("erase@example.org")).isEmpty();
  }

  @Test
  void a_call_without_the_private_app_token_is_refused_in_hubspots_error_shape_and_changes_nothing()
      throws Exception {
    HttpResponse<String> refused =
        send(
            "POST",
            UPSERT_CONTACTS,
            upsertBody("mallory@example.org", "Mallory", "lead"),
            "pat-made-up");

    assertThat(refused.statusCode()).isEqualTo(401);
    JsonNode error = json.readTree(refused.body());
    assertThat(error.path("status").asText()).isEqualTo("error");
    assertThat(error.path("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
    assertThat(error.path("correlationId").asText()).isNotBlank();
    assertThat(hubSpot.contactUpsertsOf("mallory@example.org")).isZero();
  }

  private JsonNode upsertContact(String email, String name, String stage) throws Exception {
    HttpResponse<String> response =
        send("POST", UPSERT_CONTACTS, upsertBody(email, name, stage), hubSpot.accessToken());
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static String upsertBody(String email, String name, String stage) {
    return """
        {"inputs":[{"idProperty":"email","id":"%s",
          "properties":{"email":"%s","firstname":"%s","lifecyclestage":"%s"}}]}"""
        .formatted(email, email, name, stage);
  }

  private HttpResponse<String> send(String method, String path, String body, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(hubSpot.url() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
