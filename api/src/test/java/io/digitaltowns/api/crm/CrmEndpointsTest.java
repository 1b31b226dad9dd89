package io.digitaltowns.api.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.events.crm.CrmNoteAdded;
import io.digitaltowns.events.wire.AvroEventDeserializer;
import io.digitaltowns.events.wire.SchemaRegistryClient;
import io.digitaltowns.infra.LocalStack;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRM endpoints of an api answering them itself (no CRM_SERVICE_URL), over HTTP as an admin
 * page would.
 */
class CrmEndpointsTest extends ApiHttpTest {

  private final Instant start =
      Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);
  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private final String businessId = UUID.randomUUID().toString();
  private final String ownerId = UUID.randomUUID().toString();
  private Member admin;

  @BeforeEach
  void aCompanyWithAHistory() {
    admin = admin();
    ReadModelRows rows = new ReadModelRows(jdbc);
    rows.contact(ownerId, "olive-" + tag + "@example.org", "Olive " + tag, start);
    rows.company(
        businessId,
        "Harbour Bakery " + tag,
        "PUBLISHED",
        ownerId,
        "Olive " + tag,
        "olive-" + tag + "@example.org",
        start.plusSeconds(1));
    rows.company(
        UUID.randomUUID().toString(),
        "Quay Fish " + tag,
        "DRAFT",
        ownerId,
        "Olive " + tag,
        "olive-" + tag + "@example.org",
        start.plusSeconds(2));
    rows.deal("sub_" + tag, businessId, "active", 3000, start.plusSeconds(5));
    // written out of order, as different topics can be projected out of order
    rows.activity(
        businessId, null, "APPROVED", "Approved and published", null, start.plusSeconds(3));
    rows.activity(
        businessId,
        null,
        "LISTING_CREATED",
        "Listing created as a draft",
        null,
        start.plusSeconds(1));
    rows.activity(
        businessId,
        null,
        "SUBSCRIPTION_ACTIVATED",
        "Subscription active",
        null,
        start.plusSeconds(5));
    rows.activity(
        businessId,
        UUID.randomUUID().toString(),
        "MESSAGE_RECEIVED",
        "Message from a resident",
        "Do you bake sourdough?",
        start.plusSeconds(4));
  }

  @Test
  void a_company_shows_its_deals_and_its_timeline_in_time_order() {
    HttpResponse<String> response =
        get("/api/admin/crm/companies/" + businessId, admin.accessToken());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode detail = read(response);
    assertThat(detail.at("/company/name").asText()).isEqualTo("Harbour Bakery " + tag);
    assertThat(detail.at("/company/dealStatus").asText()).isEqualTo("active");
    assertThat(detail.at("/company/revenueMinor").asLong()).isEqualTo(3000);
    assertThat(detail.at("/deals/0/subscriptionId").asText()).isEqualTo("sub_" + tag);
    assertThat(detail.get("timeline").findValuesAsText("kind"))
        .containsExactly(
            "LISTING_CREATED", "APPROVED", "MESSAGE_RECEIVED", "SUBSCRIPTION_ACTIVATED");
    assertThat(
            read(get("/api/admin/crm/companies/" + businessId + "/timeline", admin.accessToken()))
                .findValuesAsText("kind"))
        .containsExactly(
            "LISTING_CREATED", "APPROVED", "MESSAGE_RECEIVED", "SUBSCRIPTION_ACTIVATED");
  }

  @Test
  void companies_are_found_by_part_of_their_name_or_their_owners_address_in_any_case() {
    List<String> byName =
        read(get("/api/admin/crm/companies?q=harbour%20BAKERY%20" + tag, admin.accessToken()))
            .findValuesAsText("id");
    List<String> byOwner =
        read(get("/api/admin/crm/companies?q=OLIVE-" + tag, admin.accessToken()))
            .findValuesAsText("name");

    assertThat(byName).containsExactly(businessId);
    assertThat(byOwner).containsExactly("Quay Fish " + tag, "Harbour Bakery " + tag);
  }

  @Test
  void a_search_treats_percent_and_underscore_as_plain_characters() {
    assertThat(read(get("/api/admin/crm/companies?q=%25" + tag, admin.accessToken())).size())
        .isZero();
  }

  @Test
  void contacts_are_found_by_name_and_show_the_companies_they_own() {
    List<String> found =
        read(get("/api/admin/crm/contacts?q=olive%20" + tag, admin.accessToken()))
            .findValuesAsText("id");
    JsonNode contact = read(get("/api/admin/crm/contacts/" + ownerId, admin.accessToken()));

    assertThat(found).containsExactly(ownerId);
    assertThat(contact.at("/contact/email").asText()).isEqualTo("olive-" + tag + "@example.org");
    assertThat(contact.get("companies").findValuesAsText("name"))
        .containsExactly("Harbour Bakery " + tag, "Quay Fish " + tag);
  }

  @Test
  void a_note_is_written_as_a_crm_event_keyed_by_the_business() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/admin/crm/companies/" + businessId + "/notes",
            admin.accessToken(),
            json().put("text", "  Called the owner: wants a spring promotion.  "));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String noteId = read(response).get("noteId").asText();
    Map<String, Object> row =
        jdbc.sql(
                """
            SELECT aggregate_type, aggregate_id, event_type, payload FROM outbox
            WHERE aggregate_id = :id AND event_type = 'CrmNoteAdded'
            """)
            .param("id", businessId)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("aggregate_type", "crm")
        .containsEntry("aggregate_id", businessId);
    CrmNoteAdded note =
        (CrmNoteAdded)
            new AvroEventDeserializer(
                    new SchemaRegistryClient(LocalStack.shared().schemaRegistryUrl()))
                .deserialize((byte[]) row.get("payload"));
    assertThat(note.getNoteId()).isEqualTo(noteId);
    assertThat(note.getBusinessId()).isEqualTo(businessId);
    assertThat(note.getAuthorId()).isEqualTo(admin.id().toString());
    assertThat(note.getAuthorName()).isEqualTo("admin");
    assertThat(note.getText()).isEqualTo("Called the owner: wants a spring promotion.");
  }

  @Test
  void a_note_needs_text_and_a_company_the_crm_knows() {
    HttpResponse<String> blank =
        post(
            "/api/admin/crm/companies/" + businessId + "/notes",
            admin.accessToken(),
            json().put("text", " "));
    HttpResponse<String> unknown =
        post(
            "/api/admin/crm/companies/" + UUID.randomUUID() + "/notes",
            admin.accessToken(),
            json().put("text", "hello"));

    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outbox WHERE event_type = 'CrmNoteAdded' AND aggregate_id = :id")
                .param("id", businessId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_page_size_outside_1_to_200_is_refused() {
    assertThat(get("/api/admin/crm/companies?limit=0", admin.accessToken()).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/admin/crm/contacts?limit=201", admin.accessToken()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void residents_may_not_read_the_crm() {
    assertThat(
            get(
                    "/api/admin/crm/companies/" + businessId,
                    registerAndSignIn("crm-resident").accessToken())
                .statusCode())
        .isEqualTo(403);
  }
}
