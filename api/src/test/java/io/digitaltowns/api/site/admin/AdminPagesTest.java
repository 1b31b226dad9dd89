package io.digitaltowns.api.site.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.crm.ReadModelRows;
import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admins' pages as a browser without JavaScript uses them: plain forms, redirects, error pages.
 */
class AdminPagesTest extends SitePageTest {

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private Member admin;
  private SiteClient browser;
  private UUID townId;

  @BeforeEach
  void aSignedInAdminAndATown() {
    admin = admin();
    browser = signedIn(admin);
    townId = createTown(admin, uniqueSlug("admin-pages"), "Europe/London");
  }

  // --- review ---

  @Test
  void
      the_review_queue_lists_a_submitted_listing_and_its_page_shows_it_as_residents_would_see_it() {
    Member owner = registerAndSignIn("queue-owner");
    UUID id =
        submittedListing(owner, townId, "Queue Bakery " + tag, "Rye bread & <b>buns</b>.", true);

    HttpResponse<String> queue = browser.get("/admin/businesses");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body())
        .contains("href=\"/admin/businesses/" + id + "\"", "Queue Bakery " + tag, "Bakery");

    HttpResponse<String> review = browser.get("/admin/businesses/" + id);
    assertThat(review.statusCode()).isEqualTo(200);
    assertThat(review.body())
        .contains(
            "Opening hours",
            "Monday",
            "00:00–12:00",
            "1 Market Square",
            "https://www.openstreetmap.org/?mlat=51.500000&amp;mlon=-0.120000",
            "tel:+442079460000",
            "Approve and publish",
            "Reason for rejecting")
        .contains("Rye bread &amp; &lt;b&gt;buns&lt;/b&gt;.")
        .doesNotContain("<b>buns</b>");
  }

  @Test
  void approving_on_the_page_publishes_the_listing_and_takes_it_off_the_queue() {
    Member owner = registerAndSignIn("approve-owner");
    UUID id = submittedListing(owner, townId, "Approve Bakery " + tag, "Bread.", false);

    HttpResponse<String> approved =
        browser.submit("/admin/businesses/" + id, "/admin/businesses/" + id + "/approve", Map.of());

    assertThat(approved.statusCode()).isEqualTo(302);
    assertThat(approved.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("notice=listing-approved"));
    assertThat(status(id)).isEqualTo("PUBLISHED");
    assertThat(browser.get("/admin/businesses").body()).doesNotContain("Approve Bakery " + tag);
    assertThat(browser.get("/admin/businesses/" + id).body()).contains("not waiting for review");
  }

  @Test
  void
      a_rejection_without_a_reason_shows_the_form_again_and_one_with_a_reason_reaches_the_owners_mail_event() {
    Member owner = registerAndSignIn("reject-owner");
    UUID id = submittedListing(owner, townId, "Reject Bakery " + tag, "Bread.", false);

    HttpResponse<String> refused =
        browser.submit(
            "/admin/businesses/" + id,
            "/admin/businesses/" + id + "/reject",
            Map.of("reason", "   "));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Say why, so the owner can fix it.", "aria-invalid=\"true\"");
    assertThat(status(id)).isEqualTo("IN_REVIEW");

    HttpResponse<String> rejected =
        browser.submit(
            "/admin/businesses/" + id,
            "/admin/businesses/" + id + "/reject",
            Map.of("reason", "Add opening hours, please."));
    assertThat(rejected.statusCode()).isEqualTo(302);
    assertThat(status(id)).isEqualTo("REJECTED");
    assertThat(
            jdbc.sql("SELECT rejection_reason FROM businesses WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("Add opening hours, please.");
    assertThat(outboxEvents(id, "BusinessRejected")).isEqualTo(1);
  }

  @Test
  void an_unknown_listing_is_the_404_page_and_a_malformed_id_the_400_page() {
    assertThat(browser.get("/admin/businesses/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(browser.get("/admin/businesses/" + UUID.randomUUID()).body())
        .contains("Page not found");
    assertThat(browser.get("/admin/businesses/not-a-uuid").statusCode()).isEqualTo(400);
  }

  // --- users ---

  @Test
  void users_are_found_by_part_of_their_address_with_roles_status_and_sign_in_methods() {
    Member resident = registerAndSignIn("findme-" + tag);
    jdbc.sql(
            "INSERT INTO user_identities (provider, subject, user_id, linked_at) VALUES ('google', :subject, :id, now())")
        .param("subject", "google-" + tag)
        .param("id", resident.id())
        .update();

    HttpResponse<String> found = browser.get("/admin/users?q=FINDME-" + tag);

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains(
            "1 user matching",
            resident.email(),
            "Resident",
            "Active",
            "Password, Google",
            "href=\"/admin/users/" + resident.id() + "\"");
    assertThat(browser.get("/admin/users?q=nobody-" + tag).body()).contains("0 users matching");
  }

  @Test
  void a_search_longer_than_the_api_allows_is_the_form_again_with_the_error() {
    HttpResponse<String> refused = browser.get("/admin/users?q=" + "x".repeat(101));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("At most 100 characters.", "aria-invalid=\"true\"");
  }

  @Test
  void
      suspending_with_a_reason_signs_the_user_out_and_reinstating_lets_them_in_again_both_reasons_kept() {
    Member resident = registerAndSignIn("suspend-me");
    String page = "/admin/users/" + resident.id();

    HttpResponse<String> suspended =
        browser.submit(page, page + "/suspend", Map.of("reason", "Spam in messages."));
    assertThat(suspended.statusCode()).isEqualTo(302);
    assertThat(login(resident.email(), PASSWORD).statusCode()).isNotEqualTo(200);
    assertThat(outboxEvents(resident.id(), "UserSuspended")).isEqualTo(1);
    assertThat(browser.get(page + "?notice=user-suspended").body())
        .contains("The user is suspended", "Suspended", "Spam in messages.", "Reinstate");

    HttpResponse<String> reinstated =
        browser.submit(page, page + "/reinstate", Map.of("reason", "They apologised."));
    assertThat(reinstated.statusCode()).isEqualTo(302);
    assertThat(login(resident.email(), PASSWORD).statusCode()).isEqualTo(200);
    assertThat(browser.get(page).body())
        .contains("They apologised.", "Spam in messages.", "Reason for suspending");
  }

  @Test
  void suspending_without_a_reason_is_the_form_again_and_changes_nothing() {
    Member resident = registerAndSignIn("no-reason");
    String page = "/admin/users/" + resident.id();

    HttpResponse<String> refused = browser.submit(page, page + "/suspend", Map.of("reason", ""));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Give the reason");
    assertThat(suspended(resident.id())).isFalse();
    assertThat(outboxEvents(resident.id(), "UserSuspended")).isZero();
  }

  @Test
  void an_admin_cannot_suspend_themselves_and_is_told_so_on_the_page() {
    String page = "/admin/users/" + admin.id();

    HttpResponse<String> refused =
        browser.submit(page, page + "/suspend", Map.of("reason", "Testing."));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("You cannot suspend yourself");
    assertThat(suspended(admin.id())).isFalse();
  }

  @Test
  void an_unknown_user_is_the_404_page_also_when_suspending() {
    UUID nobody = UUID.randomUUID();
    assertThat(browser.get("/admin/users/" + nobody).statusCode()).isEqualTo(404);
    HttpResponse<String> suspend =
        browser.submit(
            "/admin/users", "/admin/users/" + nobody + "/suspend", Map.of("reason", "Who?"));
    assertThat(suspend.statusCode()).isEqualTo(404);
    assertThat(suspend.body()).contains("Page not found");
  }

  // --- towns ---

  @Test
  void a_town_created_and_edited_through_the_forms_has_its_name_slug_and_time_zone() {
    String slug = uniqueSlug("form-town");
    HttpResponse<String> created =
        browser.submit("/admin/towns", "/admin/towns", town("Form Town", slug, "Europe/Berlin"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    UUID id = UUID.fromString(location.replaceAll(".*/admin/towns/([0-9a-f-]{36}).*", "$1"));
    assertThat(browser.get("/admin/towns").body()).contains("Form Town", slug, "Europe/Berlin");

    HttpResponse<String> edited =
        browser.submit(
            "/admin/towns/" + id,
            "/admin/towns/" + id,
            town("Form Town Renamed", slug + "-x", "Europe/Paris"));
    assertThat(edited.statusCode()).isEqualTo(302);
    var row =
        jdbc.sql("SELECT name, slug, timezone FROM towns WHERE id = :id")
            .param("id", id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("name", "Form Town Renamed")
        .containsEntry("slug", slug + "-x")
        .containsEntry("timezone", "Europe/Paris");
    assertThat(outboxEvents(id, "TownUpdated")).isEqualTo(1);
    assertThat(browser.get("/admin/towns/" + id + "?notice=town-saved").body())
        .contains(
            "The town is saved.",
            "value=\"Form Town Renamed\"",
            "<option value=\"Europe/Paris\" selected>");
  }

  @Test
  void
      a_bad_slug_and_an_unknown_time_zone_are_the_form_again_with_both_errors_and_nothing_is_created() {
    long before = towns();

    HttpResponse<String> refused =
        browser.submit(
            "/admin/towns", "/admin/towns", town("Bad Town", "Bad Slug", "Mars/Olympus"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "Please correct the fields",
            "must be lower-case words joined by",
            "IANA time zone",
            "value=\"Bad Town\"");
    assertThat(towns()).isEqualTo(before);
  }

  @Test
  void a_taken_slug_is_the_form_again_with_the_error() {
    String slug =
        jdbc.sql("SELECT slug FROM towns WHERE id = :id")
            .param("id", townId)
            .query(String.class)
            .single();

    HttpResponse<String> refused =
        browser.submit("/admin/towns", "/admin/towns", town("Twin Town", slug, "Europe/London"));

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body())
        .contains("Another town already has this slug.", "value=\"Twin Town\"");
  }

  @Test
  void an_unknown_town_is_the_404_page() {
    assertThat(browser.get("/admin/towns/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(
            browser
                .submit(
                    "/admin/towns",
                    "/admin/towns/" + UUID.randomUUID(),
                    town("X", "x-town", "Europe/London"))
                .statusCode())
        .isEqualTo(404);
  }

  // --- CRM ---

  @Test
  void the_crm_finds_companies_and_contacts_and_a_company_shows_its_deals_and_timeline() {
    UUID company = crmCompanyWithHistory();

    HttpResponse<String> found = browser.get("/admin/crm?q=crm-" + tag);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body())
        .contains("Crm Bakery " + tag, "Crm Olive " + tag, "Active", "30.00 EUR");

    HttpResponse<String> detail = browser.get("/admin/crm/companies/" + company);
    assertThat(detail.body())
        .contains(
            "sub_" + tag,
            "Approved and published",
            "Message from a resident",
            "Do you bake sourdough?",
            "Subscription active",
            "Add a note");
    assertThat(detail.body().indexOf("Approved and published"))
        .isLessThan(detail.body().indexOf("Subscription active"));
  }

  @Test
  void a_note_is_an_event_for_the_timeline_and_an_empty_one_is_the_form_again() {
    UUID company = crmCompanyWithHistory();
    String page = "/admin/crm/companies/" + company;

    HttpResponse<String> refused = browser.submit(page, page + "/notes", Map.of("text", " "));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("Write the note.");
    assertThat(outboxEvents(company, "CrmNoteAdded")).isZero();

    HttpResponse<String> added =
        browser.submit(page, page + "/notes", Map.of("text", "Called about the renewal."));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(added.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("notice=note-added"));
    assertThat(outboxEvents(company, "CrmNoteAdded")).isEqualTo(1);
  }

  @Test
  void an_unknown_company_or_contact_is_the_404_page() {
    assertThat(browser.get("/admin/crm/companies/" + UUID.randomUUID()).statusCode())
        .isEqualTo(404);
    assertThat(browser.get("/admin/crm/contacts/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(
            browser
                .submit(
                    "/admin/crm",
                    "/admin/crm/companies/" + UUID.randomUUID() + "/notes",
                    Map.of("text", "Hello"))
                .statusCode())
        .isEqualTo(404);
  }

  // --- who may ---

  @Test
  void a_resident_gets_the_403_page_on_every_admin_page_and_form_and_sees_no_admin_nav() {
    Member resident = registerAndSignIn("not-admin");
    SiteClient residentBrowser = signedIn(resident);
    assertThat(residentBrowser.get("/").body()).doesNotContain("aria-label=\"Admin\"");
    for (String path : adminPages()) {
      HttpResponse<String> page = residentBrowser.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(403);
      assertThat(page.body()).as(path).contains("Not for you");
    }
    Member victim = registerAndSignIn("victim");
    HttpResponse<String> suspend =
        residentBrowser.submit(
            "/", "/admin/users/" + victim.id() + "/suspend", Map.of("reason", "Mine now."));
    assertThat(suspend.statusCode()).isEqualTo(403);
    assertThat(suspended(victim.id())).isFalse();
  }

  @Test
  void a_visitor_is_sent_to_sign_in_and_an_admin_sees_the_admin_nav_with_every_area() {
    HttpResponse<String> visitor = browser().get("/admin/users");
    assertThat(visitor.statusCode()).isEqualTo(302);
    assertThat(visitor.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/sign-in"));

    assertThat(browser.get("/").body())
        .contains(
            "aria-label=\"Admin\"",
            "href=\"/admin/businesses\"",
            "href=\"/admin/users\"",
            "href=\"/admin/towns\"",
            "href=\"/admin/crm\"",
            "href=\"/admin/analytics\"",
            "href=\"/admin/operations\"");
    String user = browser.get("/admin/users/" + admin.id()).body();
    assertThat(user)
        .contains("<a href=\"/admin/users\" aria-current=\"page\">Users</a>")
        .doesNotContain("<a href=\"/admin/towns\" aria-current");
  }

  @Test
  void every_admin_form_refuses_a_post_without_the_csrf_token() {
    Member resident = registerAndSignIn("csrf-target");
    browser.get("/admin/users");

    HttpResponse<String> suspend =
        browser.post("/admin/users/" + resident.id() + "/suspend", Map.of("reason", "No token."));
    HttpResponse<String> town =
        browser.post("/admin/towns", town("Forged", uniqueSlug("forged"), "Europe/London"));

    assertThat(suspend.statusCode()).isEqualTo(403);
    assertThat(town.statusCode()).isEqualTo(403);
    assertThat(suspended(resident.id())).isFalse();
    assertThat(
            jdbc.sql("SELECT count(*) FROM towns WHERE name = 'Forged'").query(Long.class).single())
        .isZero();
  }

  // --- helpers ---

  private List<String> adminPages() {
    return List.of(
        "/admin/businesses",
        "/admin/businesses/" + UUID.randomUUID(),
        "/admin/users",
        "/admin/users/" + admin.id(),
        "/admin/towns",
        "/admin/towns/" + townId,
        "/admin/crm",
        "/admin/crm/companies/" + UUID.randomUUID(),
        "/admin/crm/contacts/" + UUID.randomUUID());
  }

  private UUID crmCompanyWithHistory() {
    UUID company = UUID.randomUUID();
    String owner = UUID.randomUUID().toString();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(1, ChronoUnit.HOURS);
    ReadModelRows rows = new ReadModelRows(jdbc);
    rows.contact(owner, "crm-" + tag + "@example.org", "Crm Olive " + tag, start);
    rows.company(
        company.toString(),
        "Crm Bakery " + tag,
        "PUBLISHED",
        owner,
        "Crm Olive " + tag,
        "crm-" + tag + "@example.org",
        start.plusSeconds(1));
    rows.deal("sub_" + tag, company.toString(), "active", 3000, start.plusSeconds(5));
    rows.activity(
        company.toString(),
        null,
        "SUBSCRIPTION_ACTIVATED",
        "Subscription active",
        null,
        start.plusSeconds(5));
    rows.activity(
        company.toString(), null, "APPROVED", "Approved and published", null, start.plusSeconds(3));
    rows.activity(
        company.toString(),
        UUID.randomUUID().toString(),
        "MESSAGE_RECEIVED",
        "Message from a resident",
        "Do you bake sourdough?",
        start.plusSeconds(4));
    return company;
  }

  private static Map<String, String> town(String name, String slug, String timezone) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("slug", slug);
    fields.put("region", "");
    fields.put("timezone", timezone);
    return fields;
  }

  private String status(UUID business) {
    return jdbc.sql("SELECT status FROM businesses WHERE id = :id")
        .param("id", business)
        .query(String.class)
        .single();
  }

  private boolean suspended(UUID user) {
    return jdbc.sql("SELECT suspended FROM users WHERE id = :id")
        .param("id", user)
        .query(Boolean.class)
        .single();
  }

  private long towns() {
    return jdbc.sql("SELECT count(*) FROM towns").query(Long.class).single();
  }
}
