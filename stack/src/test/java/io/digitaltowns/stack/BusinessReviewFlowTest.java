package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A business owner's way to a public listing, end to end: the admin hears of the submission by
 * mail, the owner of the approval, and a resident's message reaches the owner's mailbox.
 */
class BusinessReviewFlowTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void a_listing_goes_from_draft_to_public_with_a_mail_at_each_step() throws Exception {
    String admin = adminToken();
    String townSlug = "flow-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api.call(
                    "POST",
                    "/api/admin/towns",
                    admin,
                    JSON.createObjectNode()
                        .put("name", "Flowton")
                        .put("slug", townSlug)
                        .put("timezone", "Europe/London"))
                .statusCode())
        .isEqualTo(201);
    String townId =
        ApiClient.read(api.get(system.apiUrl() + "/api/towns/" + townSlug).body())
            .get("id")
            .asText();

    String ownerEmail = ApiClient.uniqueEmail("owner");
    api.register(ownerEmail, "Olive Owner");
    String owner = api.signIn(ownerEmail);
    String name = "Flowton Fish Bar " + UUID.randomUUID().toString().substring(0, 4);
    HttpResponse<String> created =
        api.call(
            "POST",
            "/api/businesses",
            owner,
            JSON.createObjectNode()
                .put("townId", townId)
                .put("name", name)
                .put("category", "TAKEAWAY")
                .put("description", "Fish and chips fried in beef dripping"));
    String businessId = ApiClient.read(created.body()).get("id").asText();

    api.call("POST", "/api/businesses/" + businessId + "/submit", owner, null);
    awaitMail(SharedSystem.ADMIN_EMAIL, "New listing to review: " + name);

    assertThat(
            api.call("POST", "/api/admin/businesses/" + businessId + "/approve", admin, null)
                .statusCode())
        .isEqualTo(200);
    awaitMail(ownerEmail, "Your listing is live: " + name);
    JsonNode found =
        ApiClient.read(
            api.get(system.apiUrl() + "/api/towns/" + townSlug + "/businesses?q=chips").body());
    assertThat(found.get("items").findValuesAsText("id")).containsExactly(businessId);

    String residentEmail = ApiClient.uniqueEmail("resident");
    api.register(residentEmail, "Rita Resident");
    AddressProof.prove(
        system, api, residentEmail); // only a verified address may contact a business
    assertThat(
            api.call(
                    "POST",
                    "/api/businesses/" + businessId + "/contact",
                    api.signIn(residentEmail),
                    JSON.createObjectNode().put("message", "Do you do gluten-free batter?"))
                .statusCode())
        .isEqualTo(202);
    ReceivedMail message = awaitMail(ownerEmail, "New message for " + name + " from Rita Resident");
    assertThat(message.text()).contains("Do you do gluten-free batter?");
  }

  /** The address in ADMIN_EMAILS becomes an admin once it is verified through the welcome mail. */
  private String adminToken() {
    return StackAdmin.token(system);
  }

  private ReceivedMail awaitMail(String to, String subject) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                system.stack().mail().messages().stream()
                    .filter(mail -> mail.subject().equals(subject))
                    .filter(mail -> mail.to().stream().anyMatch(address -> address.contains(to)))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }
}
