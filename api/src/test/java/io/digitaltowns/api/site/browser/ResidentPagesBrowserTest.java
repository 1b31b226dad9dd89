package io.digitaltowns.api.site.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The residents' pages in Chromium: each page passes axe (no serious or critical violation) and is
 * captured at 390 and 1280 px; sign-up works with the keyboard alone; signing out everywhere ends
 * another browser's session. (The journeys that need a mail to arrive run against the whole system:
 * stack's SiteJourneysTest.)
 */
class ResidentPagesBrowserTest extends BrowserTest {

  @Test
  void every_residents_page_passes_axe_and_is_captured_at_both_widths() {
    Member admin = admin();
    Member owner = registerAndSignIn("browser-owner");
    String slug = "axe-" + UUID.randomUUID().toString().substring(0, 8);
    UUID townId = createTown(admin, slug, "Europe/London");
    UUID bakery =
        published(
            owner,
            admin,
            townId,
            "Loaf Lane Bakery",
            "Sourdough, rye and cinnamon buns, baked at dawn",
            true);
    published(owner, admin, townId, "Corner Books", "Second-hand books and maps", false);
    Member resident = registerAndSignIn("browser-resident");
    jdbc.sql("UPDATE users SET email_verified = true WHERE id = :id")
        .param("id", resident.id())
        .update();

    visit("/", "home");
    visit("/towns/" + slug, "town");
    visit("/towns/" + slug + "?q=sourdough&openNow=true", "town-search");
    visit("/businesses/" + bakery, "business");
    visit("/sign-in", "sign-in");
    visit("/sign-up", "sign-up");
    visit("/forgot-password", "forgot-password");
    visit("/reset-password?token=not-a-real-token", "reset-password");
    visit("/verify-email?token=not-a-real-token", "verify-email");
    visit("/verify-email", "verify-email-invalid");
    visit("/no-such-page", "not-found");

    signIn(resident);
    visit("/businesses/" + bakery, "business-signed-in");
    visit("/account", "account");
  }

  @Test
  void a_visitor_signs_up_with_the_keyboard_alone() {
    String email = uniqueEmail("keyboard");
    page.navigate("/");

    page.keyboard().press("Tab"); // the skip link
    page.keyboard().press("Tab"); // the site's name
    tabTo("Sign up");
    page.keyboard().press("Enter");
    page.waitForURL("**/sign-up");
    tabTo("Your name");
    page.keyboard().type("Kim Keyboard");
    page.keyboard().press("Tab");
    page.keyboard().type(email);
    page.keyboard().press("Tab");
    page.keyboard().type(PASSWORD);
    page.keyboard().press("Enter");

    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your mail")))
        .isVisible();
    assertThat(
            jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
                .param("email", email)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    checkAndCapture("check-your-mail");
  }

  @Test
  void signing_out_everywhere_ends_the_session_in_another_browser() {
    Member member = registerAndSignIn("two-devices");
    signIn(member);
    BrowserContext phone = newBrowserContext();
    try {
      Page phonePage = phone.newPage();
      signIn(phonePage, member);
      phonePage.navigate("/account");
      assertThat(
              phonePage.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("My account")))
          .isVisible();

      page.navigate("/account");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out everywhere"))
          .click();
      page.waitForURL("**/sign-in?notice=signed-out-everywhere");
      assertThat(page.getByText("You are signed out everywhere")).isVisible();

      phonePage.navigate("/account");
      assertThat(phonePage).hasURL(java.util.regex.Pattern.compile(".*/sign-in\\?next=.*"));
    } finally {
      phone.close();
    }
  }

  private void visit(String path, String name) {
    com.microsoft.playwright.Response response = page.navigate(path);
    assertThat(response).as(path).isNotNull();
    assertThat(page.locator("main")).isVisible();
    checkAndCapture(name);
  }

  private void signIn(Member member) {
    signIn(page, member);
  }

  /** Tabs forward until the focused element's accessible label or text is {@code label}. */
  private void tabTo(String label) {
    for (int i = 0; i < 30; i++) {
      Object focused =
          page.evaluate(
              "() => { const e = document.activeElement; if (!e) return ''; "
                  + "const l = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent; return (l || '').trim(); }");
      if (label.equals(focused)) {
        return;
      }
      page.keyboard().press("Tab");
    }
    throw new AssertionError("No focusable element labelled '" + label + "' on " + page.url());
  }

  private UUID published(
      Member owner,
      Member admin,
      UUID townId,
      String name,
      String description,
      boolean alwaysOpen) {
    ObjectNode listing =
        json()
            .put("townId", townId.toString())
            .put("name", name)
            .put("category", "BAKERY")
            .put("description", description)
            .put("address", "1 Market Square")
            .put("phone", "+44 20 7946 0000")
            .put("website", "https://example.org/");
    if (alwaysOpen) {
      ObjectNode hours = listing.putObject("openingHours");
      for (DayOfWeek day : DayOfWeek.values()) {
        ArrayNode periods = hours.putArray(day.name());
        periods.addObject().put("opens", "00:00").put("closes", "12:00");
        periods.addObject().put("opens", "12:00").put("closes", "00:00");
      }
    }
    HttpResponse<String> created = post("/api/businesses", owner.accessToken(), listing);
    UUID id = UUID.fromString(read(created).get("id").asText());
    post("/api/businesses/" + id + "/submit", owner.accessToken(), null);
    post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null);
    return id;
  }
}
