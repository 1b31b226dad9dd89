package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.site.browser.AccessibilityCheck;
import io.digitaltowns.consumers.email.EmailLinks;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every address a mail or Stripe sends a browser to is a page: each link builder of the email
 * consumer's {@link EmailLinks} and each PUBLIC_BASE_URL-relative path the api hands Stripe
 * (Checkout's success and cancel pages, the billing portal's return page), opened in Chromium by
 * the person it is meant for.
 */
class MailedPathsOpenPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient api = new ApiClient(system.apiUrl());

  @Test
  void every_link_builder_and_every_public_path_the_code_emits_opens_a_page() {
    String admin = StackAdmin.token(system);
    String ownerEmail = ApiClient.uniqueEmail("paths-owner");
    api.register(ownerEmail, "Paula Paths");
    String owner = api.signIn(ownerEmail);
    String slug = "paths-" + UUID.randomUUID().toString().substring(0, 8);
    String townId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/admin/towns",
                        admin,
                        JSON.createObjectNode()
                            .put("name", "Paths Town")
                            .put("slug", slug)
                            .put("region", "Linkshire")
                            .put("timezone", "Europe/Paris"))
                    .body())
            .get("id")
            .asText();
    String businessId =
        ApiClient.read(
                api.call(
                        "POST",
                        "/api/businesses",
                        owner,
                        JSON.createObjectNode()
                            .put("townId", townId)
                            .put("name", "Link Lane Deli")
                            .put("category", "GROCERY"))
                    .body())
            .get("id")
            .asText();
    api.call("POST", "/api/businesses/" + businessId + "/submit", owner, null);

    // the email consumer's own link builder, configured as it runs (public base URL: this api)
    EmailLinks links = system.consumers().getBean(EmailLinks.class);
    String eventId = UUID.randomUUID().toString();
    String subscription = "/my/businesses/" + businessId + "/subscription";

    Map<String, String> asAdmin = new LinkedHashMap<>();
    asAdmin.put("EmailLinks.reviewBusiness", links.reviewBusiness(businessId));
    Map<String, String> asOwner = new LinkedHashMap<>();
    asOwner.put("EmailLinks.subscription", links.subscription(businessId));
    asOwner.put("EmailLinks.editBusiness", links.editBusiness(businessId));
    asOwner.put(
        "Checkout success (SubscriptionCheckout)",
        system.apiUrl() + subscription + "?checkout=success&session_id=cs_test_1");
    asOwner.put(
        "Checkout canceled (SubscriptionCheckout)",
        system.apiUrl() + subscription + "?checkout=canceled");
    asOwner.put("billing portal return (CustomerPortal)", system.apiUrl() + subscription);
    Map<String, String> asAnyone = new LinkedHashMap<>();
    asAnyone.put("EmailLinks.home", links.home());
    asAnyone.put("EmailLinks.verifyEmail", links.verifyEmail(eventId));
    asAnyone.put("EmailLinks.resetPassword", links.resetPassword(eventId));
    asAnyone.put("EmailLinks.forgotPassword", links.forgotPassword());

    openEach(asAdmin, SharedSystem.ADMIN_EMAIL);
    openEach(asOwner, ownerEmail);
    openEach(asAnyone, null);

    // the listing's public page once the admin has approved it on the review page
    BrowserContext adminBrowser = signedInBrowser(SharedSystem.ADMIN_EMAIL);
    try {
      Page page = adminBrowser.newPage();
      page.navigate(links.reviewBusiness(businessId));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish"))
          .click();
      com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page)
          .hasURL(
              java.util.regex.Pattern.compile(".*notice=listing-approved"),
              new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions()
                  .setTimeout(30_000));
    } finally {
      adminBrowser.close();
    }
    openEach(Map.of("EmailLinks.business", links.business(businessId)), null);
  }

  private void openEach(Map<String, String> urls, String signedInAs) {
    BrowserContext browser = signedInAs == null ? newBrowser() : signedInBrowser(signedInAs);
    try {
      Page page = browser.newPage();
      urls.forEach(
          (builder, url) -> {
            Response response = page.navigate(url);
            assertThat(response.status()).as(builder + " -> " + url).isLessThan(400);
            assertThat(response.headerValue("content-type")).as(builder).startsWith("text/html");
            assertThat(URI.create(page.url()).getPath())
                .as(builder + " does not end on the sign-in page")
                .isNotEqualTo("/sign-in");
            assertThat(page.locator("main").count())
                .as(builder + " is a page of the site")
                .isEqualTo(1);
            AccessibilityCheck.assertNoSeriousViolations(page);
          });
    } finally {
      browser.close();
    }
  }

  private BrowserContext newBrowser() {
    return SiteSignIn.anonymous(system);
  }

  private BrowserContext signedInBrowser(String email) {
    return SiteSignIn.as(system, email);
  }
}
