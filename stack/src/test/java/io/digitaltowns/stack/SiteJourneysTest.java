package io.digitaltowns.stack;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.site.browser.MailInbox;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Residents' journeys through the site's pages in Chromium, against the whole system (api, relay,
 * Kafka, email consumer, SMTP): the test only reads the mail inbox; everything else is done by
 * clicking and typing. The world the resident finds (a town, an owner's published listings) is set
 * up through the JSON API beforehand.
 */
class SiteJourneysTest extends StackBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHOSEN_PASSWORD = "my own chosen passphrase";

  private final MailInbox inbox = new MailInbox(system.stack().mail());

  @Test
  void
      a_resident_signs_up_confirms_from_the_mail_signs_in_finds_an_open_business_and_writes_to_it() {
    String admin = StackAdmin.token(system);
    String ownerEmail = ApiClient.uniqueEmail("journey-owner");
    api.register(ownerEmail, "Olive Owner");
    String owner = api.signIn(ownerEmail);
    String slug = "journey-" + UUID.randomUUID().toString().substring(0, 8);
    String townId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/admin/towns",
                        admin,
                        JSON.createObjectNode()
                            .put("name", "Journey Town")
                            .put("slug", slug)
                            .put("region", "Testshire")
                            .put("timezone", "Europe/London"))
                    .body())
            .get("id")
            .asText();
    publish(
        owner,
        admin,
        townId,
        "Wheel and Kiln",
        "Hand-thrown pottery, glazed in our own kiln",
        true);
    publish(owner, admin, townId, "Sleepy Studio", "Pottery classes by appointment", false);

    String email = ApiClient.uniqueEmail("journey-resident");
    page.navigate("/sign-up");
    page.getByLabel("Your name").fill("Rosa Resident");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(ApiClient.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account"))
        .click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your mail")))
        .isVisible();

    page.navigate(inbox.awaitLinkPath(email, "/api/auth/verify-email"));
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/verify-email\\?token=.*"));
    capture("confirm");
    page.getByLabel("Password").fill(CHOSEN_PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm and sign in"))
        .click();
    assertThat(page.getByText("Your address is confirmed")).isVisible();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
    assertThat(page)
        .hasURL(
            system.apiUrl() + "/",
            new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions()
                .setTimeout(30_000));
    signIn(email, CHOSEN_PASSWORD);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rosa Resident")))
        .isVisible();

    page.navigate("/towns/" + slug);
    page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search"))
        .fill("pottery");
    page.getByLabel("Open now").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true))
        .click();
    page.waitForURL("**openNow=true**");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wheel and Kiln")))
        .isVisible();
    assertThat(page.getByText("Sleepy Studio")).hasCount(0);
    capture("town-search");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wheel and Kiln")).click();
    assertThat(page.getByText("Open now")).isVisible();
    String message = "Do you sell seconds? " + UUID.randomUUID();
    page.getByLabel("Your message").fill(message);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the message"))
        .click();
    assertThat(page.getByText("Your message is on its way")).isVisible();
    capture("business-message-sent");

    await("the owner's mail with the message")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                system.stack().mail().messages().stream()
                    .anyMatch(
                        mail ->
                            mail.to().stream().anyMatch(ownerEmail::equalsIgnoreCase)
                                && mail.text() != null
                                && mail.text().contains(message)));
  }

  @Test
  void a_forgotten_password_is_reset_through_the_mailed_link_and_the_old_one_no_longer_works() {
    String email = ApiClient.uniqueEmail("journey-forgot");
    page.navigate("/sign-up");
    page.getByLabel("Your name").fill("Fergus Forgetful");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(ApiClient.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the account"))
        .click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your mail")))
        .isVisible();

    page.navigate("/sign-in");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?"))
        .click();
    page.getByLabel("Email").fill(email);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mail me a link")).click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your mail")))
        .isVisible();

    page.navigate(inbox.awaitLinkPath(email, "/reset-password"));
    capture("reset-password");
    page.getByLabel("New password").fill(CHOSEN_PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the new password"))
        .click();
    assertThat(page.getByText("Your password is changed")).isVisible();

    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(ApiClient.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByText("The email or the password is wrong.")).isVisible();

    signIn(email, CHOSEN_PASSWORD);
    assertThat(
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fergus Forgetful")))
        .isVisible();
  }

  private String publish(
      String owner,
      String admin,
      String townId,
      String name,
      String description,
      boolean alwaysOpen) {
    ObjectNode listing =
        JSON.createObjectNode()
            .put("townId", townId)
            .put("name", name)
            .put("category", "GIFTS")
            .put("description", description)
            .put("address", "2 Clay Lane");
    if (alwaysOpen) {
      ObjectNode hours = listing.putObject("openingHours");
      for (DayOfWeek day : DayOfWeek.values()) {
        ArrayNode periods = hours.putArray(day.name());
        periods.addObject().put("opens", "00:00").put("closes", "12:00");
        periods.addObject().put("opens", "12:00").put("closes", "00:00");
      }
    }
    return published(owner, admin, listing);
  }
}
