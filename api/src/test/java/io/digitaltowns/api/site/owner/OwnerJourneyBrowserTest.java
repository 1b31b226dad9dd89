package io.digitaltowns.api.site.owner;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.digitaltowns.api.site.browser.BrowserTest;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An owner lists a business in the browser, pages only: signs up and in, creates the listing with
 * its opening hours, uploads two real photos straight to the object store (the progress bar shows),
 * makes the second the cover and submits it. An admin approves it through the API, and it shows on
 * the town page.
 */
class OwnerJourneyBrowserTest extends BrowserTest {

  private String townSlug;
  private UUID townId;
  private Member admin;

  @BeforeEach
  void aTownAndAnAdmin() {
    admin = admin();
    townSlug = "owners-" + UUID.randomUUID().toString().substring(0, 8);
    townId = createTown(admin, townSlug, "Europe/London");
  }

  @Test
  void an_owner_lists_a_business_with_two_photos_and_after_approval_it_is_on_the_town_page() {
    String email = uniqueEmail("owner-journey");
    String businessName = "Harbour Bakery " + UUID.randomUUID().toString().substring(0, 4);
    signUpAndSignIn(email);

    page.navigate("/my/businesses");
    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My businesses")))
        .isVisible();
    checkAndCapture("my-businesses-empty");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("List a business")).click();
    page.getByLabel("Name of the business").fill(businessName);
    page.getByLabel("Town").selectOption(townId.toString());
    page.getByLabel("Category").selectOption("BAKERY");
    page.getByLabel("Description")
        .fill("Sourdough, rye and cinnamon buns baked every morning by the harbour.");
    page.getByLabel("Address").fill("1 Quay Street");
    page.getByLabel("Latitude").fill("50.1180");
    page.getByLabel("Longitude").fill("-5.5376");
    page.getByLabel("Phone").fill("+44 1736 000000");
    page.getByLabel("Website").fill("https://harbour-bakery.example.org");
    page.getByLabel("Monday: opens", new Page.GetByLabelOptions().setExact(true)).fill("07:30");
    page.getByLabel("Monday: closes", new Page.GetByLabelOptions().setExact(true)).fill("12:30");
    page.getByLabel("Monday: opens again").fill("13:30");
    page.getByLabel("Monday: closes again").fill("18:00");
    page.getByLabel("Saturday: opens", new Page.GetByLabelOptions().setExact(true)).fill("08:00");
    page.getByLabel("Saturday: closes", new Page.GetByLabelOptions().setExact(true)).fill("13:00");
    checkAndCapture("new-listing");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a draft")).click();

    assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved as a draft");
    assertThat(page.locator(".listing-status")).containsText("Draft");
    assertThat(page.getByLabel("Monday: opens again")).hasValue("13:30");
    UUID businessId =
        UUID.fromString(page.url().replaceAll(".*/my/businesses/([0-9a-f-]{36}).*", "$1"));
    checkAndCapture("edit-draft");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Photos")).click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Photos of " + businessName)))
        .isVisible();
    checkAndCapture("photos-empty");
    uploadTwoPhotosWatchingTheProgressBar();

    Locator photos = page.locator("li[data-photo-id]");
    assertThat(photos).hasCount(2);
    assertThat(photos.nth(0)).containsText("Cover");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make photo 2 the cover"))
        .click();
    assertThat(photos.nth(1)).containsText("Cover");
    assertThat(photos.nth(0)).not().containsText("Cover");
    assertThat(page.locator("li[data-photo-id] img").nth(1)).hasJSProperty("naturalWidth", 640);
    checkAndCapture("photos-two");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Details")).click();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
        .click();
    assertThat(page.locator(".listing-status")).containsText("In review");
    checkAndCapture("in-review");

    HttpResponse<String> approved =
        post("/api/admin/businesses/" + businessId + "/approve", admin.accessToken(), null);
    Assertions.assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

    page.navigate("/my/businesses");
    assertThat(page.locator(".owner-listings")).containsText(businessName);
    assertThat(page.locator(".owner-listings")).containsText("Published");
    checkAndCapture("my-businesses-published");

    page.navigate("/towns/" + townSlug);
    assertThat(page.getByText(businessName)).isVisible();
  }

  @Test
  void a_refused_form_and_the_subscription_page_after_checkout_are_accessible_at_both_widths() {
    signUpAndSignIn(uniqueEmail("owner-pages"));
    page.navigate("/my/businesses/new");
    page.getByLabel("Name of the business").fill("Quay Café");
    page.getByLabel("Phone").fill("call me");
    page.getByLabel("Tuesday: opens", new Page.GetByLabelOptions().setExact(true)).fill("09:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a draft")).click();

    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct the fields");
    assertThat(page.getByLabel("Phone")).hasAttribute("aria-invalid", "true");
    checkAndCapture("new-listing-refused");

    page.getByLabel("Town").selectOption(townId.toString());
    page.getByLabel("Category").selectOption("CAFE");
    page.getByLabel("Phone").fill("");
    page.getByLabel("Tuesday: opens", new Page.GetByLabelOptions().setExact(true)).fill("");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a draft")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscription")).click();
    page.navigate(page.url() + "?checkout=success");

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)))
        .containsText("Payment being confirmed");
    assertThat(page.getByRole(AriaRole.STATUS).first())
        .containsText("Stripe has your payment details");
    checkAndCapture("subscription-after-checkout");
  }

  private void signUpAndSignIn(String email) {
    page.navigate("/sign-up");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(PASSWORD);
    page.getByLabel("Your name").fill("Olive Owner");
    page.locator("main form button[type=submit]").click();
    page.navigate("/sign-in");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(PASSWORD);
    page.locator("main form button[type=submit]").click();
    assertThat(page.locator(".site-header")).containsText("Olive Owner");
  }

  /**
   * The uploads to the object store are held until the test has seen the progress bar (on this
   * machine a small file would finish before anyone could look), then let through one by one.
   */
  private void uploadTwoPhotosWatchingTheProgressBar() {
    List<Route> held = new ArrayList<>();
    String store = localStoreOrigin();
    page.route(
        url -> url.startsWith(store),
        route -> {
          if ("PUT".equals(route.request().method())) {
            held.add(route);
          } else {
            route.resume();
          }
        });
    page.getByLabel(Pattern.compile("^Photos"))
        .setInputFiles(
            new FilePayload[] {
              new FilePayload(
                  "quay.jpg", "image/jpeg", SmallJpegs.photo(new Color(0x0b, 0x5c, 0xad), "Quay")),
              new FilePayload(
                  "buns.jpg", "image/jpeg", SmallJpegs.photo(new Color(0xa4, 0x5a, 0x16), "Buns"))
            });
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

    for (int upload = 1; upload <= 2; upload++) {
      int expected = upload;
      page.waitForCondition(() -> held.size() >= expected);
      assertThat(page.locator("progress")).isVisible();
      assertThat(page.locator("[data-upload-label]")).containsText("(" + upload + " of 2)");
      if (upload == 1) {
        screenshots.capture(page, "photos-uploading");
      }
      held.get(upload - 1).resume();
    }
    page.unrouteAll();
  }

  private static String localStoreOrigin() {
    return io.digitaltowns.infra.LocalStack.shared().s3Endpoint();
  }
}
