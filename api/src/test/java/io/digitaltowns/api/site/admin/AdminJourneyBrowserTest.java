package io.digitaltowns.api.site.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.crm.ReadModelRows;
import io.digitaltowns.api.site.browser.BrowserTest;
import io.digitaltowns.api.site.owner.SmallJpegs;
import java.awt.Color;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin runs the platform from the browser, pages only: signs in, reviews the queue (a listing
 * as residents would see it, with its photo, hours and map link), approves one and rejects another
 * with a reason, suspends and reinstates a user, creates and edits a town, searches the CRM and
 * adds a note. axe and screenshots on every admin page.
 */
class AdminJourneyBrowserTest extends BrowserTest {

  private final String tag = UUID.randomUUID().toString().substring(0, 6);
  private Member admin;
  private UUID townId;

  @BeforeEach
  void anAdminAndATown() {
    admin = admin();
    townId = createTown(admin, "admins-" + tag, "Europe/London");
  }

  @Test
  void an_admin_reviews_listings_and_moderates_a_user() {
    Member owner = named(registerAndSignIn("olive-owner"), "Olive Owner");
    UUID toApprove =
        submittedListing(
            owner,
            townId,
            "Harbour Bakery " + tag,
            "Sourdough, rye and cinnamon buns baked every morning by the harbour.",
            true);
    uploadPhoto(
        owner, toApprove, SmallJpegs.photo(new Color(0x0b, 0x5c, 0xad), "Quay"), "image/jpeg");
    UUID toReject = submittedListing(owner, townId, "Quay Fish " + tag, "Fish.", false);
    Member resident = named(registerAndSignIn("rowan-resident"), "Rowan Resident");
    signIn(admin);

    adminNav("Review queue").click();
    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Review queue")))
        .isVisible();
    assertThat(page.locator(".admin-table")).containsText("Quay Fish " + tag);
    checkAndCapture("review-queue");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Harbour Bakery " + tag))
        .click();
    assertThat(page.locator(".gallery img").first()).hasJSProperty("naturalWidth", 640);
    assertThat(page.locator(".hours")).containsText("00:00–12:00");
    assertThat(
            page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Show on the map (OpenStreetMap)")))
        .hasAttribute(
            "href", java.util.regex.Pattern.compile("^https://www\\.openstreetmap\\.org/.*"));
    checkAndCapture("review-listing");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("approved and published");
    checkAndCapture("review-approved");

    page.navigate("/admin/businesses/" + toReject);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject")).click();
    // the browser itself asks for the required reason: nothing was sent
    assertThat(page.getByLabel("Reason for rejecting")).isFocused();
    page.getByLabel("Reason for rejecting").fill("Add your opening hours and a photo, please.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject")).click();
    assertThat(page.getByRole(AriaRole.STATUS))
        .containsText("the owner gets a mail with the reason");
    assertThat(page.locator("main > .facts"))
        .containsText("Add your opening hours and a photo, please.");
    checkAndCapture("review-rejected");
    Assertions.assertThat(outboxEvents(toReject, "BusinessRejected")).isEqualTo(1);

    adminNav("Users").click();
    page.getByLabel("Search users").fill(resident.email());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("1 user matching");
    assertThat(page.locator(".admin-table")).containsText("Password");
    checkAndCapture("users-search");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rowan Resident")).click();
    checkAndCapture("user");
    page.getByLabel("Reason for suspending").fill("Sent the same advert to forty businesses.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspend")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("The user is suspended");
    assertThat(page.locator(".admin-timeline"))
        .containsText("Sent the same advert to forty businesses.");
    checkAndCapture("user-suspended");
    Assertions.assertThat(login(resident.email(), PASSWORD).statusCode()).isNotEqualTo(200);

    page.getByLabel("Reason for reinstating").fill("They wrote to apologise.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reinstate")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("reinstated");
    assertThat(page.locator(".admin-timeline li").first()).containsText("They wrote to apologise.");
    Assertions.assertThat(login(resident.email(), PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void an_admin_creates_and_edits_a_town_and_notes_a_call_in_the_crm() {
    UUID company = crmCompany();
    signIn(admin);

    adminNav("Towns").click();
    String slug = "new-town-" + tag;
    page.getByLabel("Name").fill("Porthleven " + tag);
    page.getByLabel("Slug").fill("Not A Slug");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the town")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct the fields");
    assertThat(page.getByLabel("Slug")).hasAttribute("aria-invalid", "true");
    checkAndCapture("towns-refused");
    page.getByLabel("Slug").fill(slug);
    page.getByLabel("Time zone").selectOption("Europe/Dublin");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the town")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("The town is created.");
    checkAndCapture("town-created");

    page.getByLabel("Name").fill("Porthleven Harbour " + tag);
    page.getByLabel("Time zone").selectOption("Europe/London");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the town")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("The town is saved.");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Porthleven Harbour " + tag);
    adminNav("Towns").click();
    assertThat(page.locator(".admin-table")).containsText("Porthleven Harbour " + tag);
    checkAndCapture("towns");
    page.navigate("/towns/" + slug);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .containsText("Porthleven Harbour");

    adminNav("CRM").click();
    page.getByLabel("Search companies and contacts").fill("crm-" + tag);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
    assertThat(page.locator("section[aria-labelledby=companies-heading] table"))
        .containsText("Net Loft " + tag);
    checkAndCapture("crm-search");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Net Loft " + tag)).click();
    assertThat(page.locator(".admin-timeline")).containsText("Do you mend nets?");
    assertThat(page.locator(".admin-table")).containsText("sub_" + tag);
    checkAndCapture("crm-company");
    page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Note").setExact(true))
        .fill("Called about the renewal: they want the yearly plan.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the note")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("The note is added");
    Assertions.assertThat(outboxEvents(company, "CrmNoteAdded")).isEqualTo(1);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nora Netmaker " + tag))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Nora Netmaker " + tag);
    checkAndCapture("crm-contact");
  }

  @Test
  void a_resident_gets_the_403_page_and_no_admin_nav() {
    Member resident = registerAndSignIn("rhys-resident");
    signIn(resident);
    Assertions.assertThat(page.locator("nav[aria-label=Admin]").count()).isZero();

    page.navigate("/admin/users");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Not for you");
    checkAndCapture("forbidden");
  }

  /**
   * The member with a display name as people write it (registration here derives it from the
   * address).
   */
  private Member named(Member member, String displayName) {
    jdbc.sql("UPDATE users SET display_name = :name WHERE id = :id")
        .param("name", displayName)
        .param("id", member.id())
        .update();
    return member;
  }

  private Locator adminNav(String name) {
    return page.locator("nav[aria-label=Admin]")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
  }

  private void signIn(Member member) {
    page.navigate("/sign-in");
    page.getByLabel("Email").fill(member.email());
    page.getByLabel("Password").fill(member.password());
    page.locator("main form button[type=submit]").click();
    assertThat(page.locator(".site-header nav[aria-label=Site]")).containsText("Sign out");
  }

  private UUID crmCompany() {
    UUID company = UUID.randomUUID();
    String owner = UUID.randomUUID().toString();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(2, ChronoUnit.HOURS);
    ReadModelRows rows = new ReadModelRows(jdbc);
    rows.contact(owner, "crm-" + tag + "@example.org", "Nora Netmaker " + tag, start);
    rows.company(
        company.toString(),
        "Net Loft " + tag,
        "PUBLISHED",
        owner,
        "Nora Netmaker " + tag,
        "crm-" + tag + "@example.org",
        start.plusSeconds(1));
    rows.deal("sub_" + tag, company.toString(), "active", 3000, start.plusSeconds(5));
    rows.activity(
        company.toString(), null, "APPROVED", "Approved and published", null, start.plusSeconds(3));
    rows.activity(
        company.toString(),
        UUID.randomUUID().toString(),
        "MESSAGE_RECEIVED",
        "Message from a resident",
        "Do you mend nets?",
        start.plusSeconds(4));
    rows.activity(
        company.toString(),
        null,
        "SUBSCRIPTION_ACTIVATED",
        "Subscription active",
        null,
        start.plusSeconds(5));
    return company;
  }
}
