package io.digitaltowns.api.businesses.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessLifecycleTest extends ApiHttpTest {

  private Member admin;
  private Member owner;
  private UUID townId;

  @BeforeEach
  void townWithAnOwner() {
    admin = admin();
    owner = registerAndSignIn("owner");
    townId =
        createTown(admin, "life-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
  }

  @Test
  void a_new_listing_is_a_draft_only_its_owner_and_admins_see() {
    UUID id = create(listing("Corner Bakery"));

    assertThat(read(get("/api/businesses/" + id, owner.accessToken())).get("status").asText())
        .isEqualTo("DRAFT");
    assertThat(get("/api/businesses/" + id, admin.accessToken()).statusCode()).isEqualTo(200);
    assertThat(get("/api/businesses/" + id, null).statusCode()).isEqualTo(404);
    assertThat(
            get("/api/businesses/" + id, registerAndSignIn("stranger").accessToken()).statusCode())
        .isEqualTo(404);
    assertThat(read(get("/api/me", owner.accessToken())).get("roles").toString())
        .contains("BUSINESS_OWNER");
    assertThat(events(id, "BusinessCreated")).isEqualTo(1);
  }

  @Test
  void submitted_and_approved_listings_are_public() {
    UUID id = create(listing("Village Books"));

    assertThat(
            read(post("/api/businesses/" + id + "/submit", owner.accessToken(), null))
                .get("status")
                .asText())
        .isEqualTo("IN_REVIEW");
    HttpResponse<String> approved =
        post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null);

    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(read(get("/api/businesses/" + id, null)).get("status").asText())
        .isEqualTo("PUBLISHED");
    assertThat(events(id, "BusinessSubmitted")).isEqualTo(1);
    assertThat(events(id, "BusinessApproved")).isEqualTo(1);
  }

  @Test
  void a_rejected_listing_carries_the_reason_and_can_be_resubmitted() {
    UUID id = create(listing("Dodgy Deals"));
    post("/api/businesses/" + id + "/submit", owner.accessToken(), null);

    HttpResponse<String> noReason =
        post("/api/admin/businesses/" + id + "/reject", admin.accessToken(), json());
    HttpResponse<String> rejected =
        post(
            "/api/admin/businesses/" + id + "/reject",
            admin.accessToken(),
            json().put("reason", "Please add opening hours"));

    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(read(rejected).get("status").asText()).isEqualTo("REJECTED");
    assertThat(
            read(get("/api/businesses/" + id, owner.accessToken())).get("rejectionReason").asText())
        .isEqualTo("Please add opening hours");
    assertThat(post("/api/businesses/" + id + "/submit", owner.accessToken(), null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void approving_a_draft_is_a_conflict() {
    UUID id = create(listing("Too Early"));

    HttpResponse<String> response =
        post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null);

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(read(response).get("status").asText()).isEqualTo("DRAFT");
  }

  @Test
  void
      changing_the_opening_hours_of_a_published_listing_keeps_it_public_but_renaming_sends_it_back_to_review() {
    UUID id = published(listing("Green Grocer"));
    ObjectNode winterHours = listing("Green Grocer");
    winterHours
        .putObject("openingHours")
        .putArray("MONDAY")
        .addObject()
        .put("opens", "09:00")
        .put("closes", "16:00");

    HttpResponse<String> rehoured = put("/api/businesses/" + id, owner.accessToken(), winterHours);
    HttpResponse<String> resent = put("/api/businesses/" + id, owner.accessToken(), winterHours);
    assertThat(read(rehoured).get("status").asText()).as(rehoured.body()).isEqualTo("PUBLISHED");
    assertThat(read(resent).get("status").asText())
        .as("the same listing again changes nothing")
        .isEqualTo("PUBLISHED");
    assertThat(
            read(get("/api/businesses/" + id, null)).at("/openingHours/MONDAY/0/closes").asText())
        .startsWith("16:00");

    HttpResponse<String> renamed =
        put("/api/businesses/" + id, owner.accessToken(), listing("Greener Grocer"));

    assertThat(read(renamed).get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(get("/api/businesses/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void an_owner_changing_what_residents_trust_on_a_published_listing_sends_it_back_to_review() {
    java.util.Map<String, java.util.function.UnaryOperator<ObjectNode>> changes =
        new java.util.LinkedHashMap<>();
    changes.put("website", listing -> listing.put("website", "https://phishing.example/login"));
    changes.put("phone", listing -> listing.put("phone", "+44 9999 000000"));
    changes.put("address", listing -> listing.put("address", "Somewhere Else 1"));
    changes.put(
        "description",
        listing -> listing.put("description", "SECURITY ALERT: pay at http://evil.example"));
    changes.put(
        "town",
        listing ->
            listing.put(
                "townId",
                createTown(
                        admin,
                        "moved-" + UUID.randomUUID().toString().substring(0, 8),
                        "Europe/London")
                    .toString()));
    changes.put(
        "location",
        listing -> {
          listing.putObject("location").put("latitude", 48.85).put("longitude", 2.35);
          return listing;
        });

    changes.forEach(
        (field, change) -> {
          UUID id = published(listing("Trusted Shop"));
          HttpResponse<String> changed =
              put(
                  "/api/businesses/" + id,
                  owner.accessToken(),
                  change.apply(listing("Trusted Shop")));

          assertThat(changed.statusCode()).as(field + ": " + changed.body()).isEqualTo(200);
          assertThat(read(changed).get("status").asText()).as(field).isEqualTo("IN_REVIEW");
          assertThat(get("/api/businesses/" + id, null).statusCode())
              .as(field + " hidden until approved")
              .isEqualTo(404);
          assertThat(events(id, "BusinessUpdated")).as(field).isEqualTo(1);
        });
  }

  @Test
  void an_admin_correcting_a_published_listing_keeps_it_public() {
    UUID id = published(listing("Corrected Cafe"));

    HttpResponse<String> corrected =
        put(
            "/api/businesses/" + id,
            admin.accessToken(),
            listing("Corrected Café").put("phone", "01234 567890"));

    assertThat(read(corrected).get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(read(get("/api/businesses/" + id, null)).get("name").asText())
        .isEqualTo("Corrected Café");
  }

  @Test
  void a_website_must_be_an_absolute_http_url_with_a_host() {
    UUID id = create(listing("Linked Shop"));
    java.util.List<String> refused =
        java.util.List.of(
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "/relative/path",
            "example.org",
            "//example.org/x",
            "ftp://example.org",
            "http://",
            "https:///path",
            "http://exa mple.org",
            "https://bank.example@evil.example/",
            "http://[not-an-ip]/",
            "https://exa\u0000mple.org/",
            "mailto:owner@example.org");

    for (String website : refused) {
      HttpResponse<String> answer =
          put(
              "/api/businesses/" + id,
              owner.accessToken(),
              listing("Linked Shop").put("website", website));
      assertThat(answer.statusCode()).as(website).isEqualTo(400);
      assertThat(read(answer).get("errors").findValuesAsText("field"))
          .as(website)
          .containsExactly("website");
    }
    for (String website :
        java.util.List.of(
            "https://example.org",
            "http://shop.example.org:8080/path?q=1#top",
            "HTTPS://EXAMPLE.ORG/")) {
      HttpResponse<String> answer =
          put(
              "/api/businesses/" + id,
              owner.accessToken(),
              listing("Linked Shop").put("website", website));
      assertThat(answer.statusCode()).as(website + ": " + answer.body()).isEqualTo(200);
      assertThat(read(answer).get("website").asText()).isEqualTo(website);
    }
  }

  @Test
  void only_the_owner_or_an_admin_may_change_a_listing() {
    UUID id = published(listing("Mine Not Yours"));
    Member stranger = registerAndSignIn("stranger");

    assertThat(
            put("/api/businesses/" + id, stranger.accessToken(), listing("Taken Over"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post("/api/businesses/" + id + "/unpublish", stranger.accessToken(), null).statusCode())
        .isEqualTo(403);
    assertThat(delete("/api/businesses/" + id, stranger.accessToken()).statusCode()).isEqualTo(403);
    assertThat(
            put(
                    "/api/businesses/" + id,
                    admin.accessToken(),
                    listing("Mine Not Yours").put("phone", "01234 567890"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void the_owner_unpublishes_and_deletes_a_listing() {
    UUID id = published(listing("Closing Down"));

    assertThat(
            read(post("/api/businesses/" + id + "/unpublish", owner.accessToken(), null))
                .get("status")
                .asText())
        .isEqualTo("UNPUBLISHED");
    assertThat(get("/api/businesses/" + id, null).statusCode()).isEqualTo(404);
    assertThat(delete("/api/businesses/" + id, owner.accessToken()).statusCode()).isEqualTo(204);

    assertThat(get("/api/businesses/" + id, owner.accessToken()).statusCode()).isEqualTo(404);
    assertThat(events(id, "BusinessUnpublished")).isEqualTo(1);
    assertThat(events(id, "BusinessDeleted")).isEqualTo(1);
  }

  @Test
  void invalid_listings_are_refused_naming_the_fields_and_write_nothing() {
    long before = jdbc.sql("SELECT count(*) FROM businesses").query(Long.class).single();
    ObjectNode bad =
        listing(" ").put("category", "SPACESHIPS").put("website", "javascript:alert(1)");
    ObjectNode unknownTown = listing("Lost").put("townId", UUID.randomUUID().toString());
    ObjectNode badHours = listing("Odd Hours");
    badHours
        .putObject("openingHours")
        .putArray("MONDAY")
        .addObject()
        .put("opens", "25:00")
        .put("closes", "10:00");

    HttpResponse<String> invalid =
        post(
            "/api/businesses",
            owner.accessToken(),
            listing(" ").put("website", "javascript:alert(1)"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(read(invalid).get("errors").findValuesAsText("field")).contains("name", "website");
    assertThat(post("/api/businesses", owner.accessToken(), bad).statusCode()).isEqualTo(400);
    assertThat(post("/api/businesses", owner.accessToken(), unknownTown).statusCode())
        .isEqualTo(400);
    assertThat(post("/api/businesses", owner.accessToken(), badHours).statusCode()).isEqualTo(400);
    assertThat(jdbc.sql("SELECT count(*) FROM businesses").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void my_listings_shows_every_status() {
    UUID draft = create(listing("Draft One"));
    UUID live = published(listing("Live One"));

    assertThat(read(get("/api/my/businesses", owner.accessToken())).findValuesAsText("id"))
        .contains(draft.toString(), live.toString());
    assertThat(get("/api/my/businesses", null).statusCode()).isEqualTo(401);
  }

  private ObjectNode listing(String name) {
    ObjectNode listing =
        json()
            .put("townId", townId.toString())
            .put("name", name)
            .put("category", "BAKERY")
            .put("description", "A friendly local business")
            .put("address", "1 High Street")
            .put("phone", "+44 1234 567890")
            .put("website", "https://example.org");
    listing
        .putObject("openingHours")
        .putArray("MONDAY")
        .addObject()
        .put("opens", "08:00")
        .put("closes", "17:30");
    listing.putObject("location").put("latitude", 51.5).put("longitude", -0.12);
    return listing;
  }

  private UUID create(ObjectNode listing) {
    HttpResponse<String> created = post("/api/businesses", owner.accessToken(), listing);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(read(created).get("id").asText());
  }

  private UUID published(ObjectNode listing) {
    UUID id = create(listing);
    post("/api/businesses/" + id + "/submit", owner.accessToken(), null);
    assertThat(
            post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  private long events(UUID businessId, String type) {
    return jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = :type")
        .param("id", businessId.toString())
        .param("type", type)
        .query(Long.class)
        .single();
  }
}
