package io.digitaltowns.api.site.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.digitaltowns.api.ApiHttpTest;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A test that drives the running api in a real headless Chromium: each test gets a fresh browser
 * context (its own cookies and storage) and a page whose relative URLs resolve against the api's
 * random port.
 */
public abstract class BrowserTest extends ApiHttpTest {

  protected BrowserContext browserContext;
  protected Page page;
  protected Screenshots screenshots;
  protected final MailInbox inbox = MailInbox.shared();

  @BeforeEach
  void openBrowserContext(TestInfo test) {
    browserContext = newBrowserContext();
    page = browserContext.newPage();
    screenshots =
        new Screenshots(
            test.getTestClass().map(Class::getSimpleName).orElse("test")
                + "/"
                + test.getTestMethod()
                    .map(java.lang.reflect.Method::getName)
                    .orElse(test.getDisplayName()));
  }

  @AfterEach
  void closeBrowserContext() {
    if (browserContext != null) {
      browserContext.close();
    }
  }

  /**
   * Another, independent browser (a second device of the same person, or another person); closed by
   * the caller.
   */
  protected BrowserContext newBrowserContext() {
    Browser browser = SharedBrowser.get();
    return browser.newContext(
        new Browser.NewContextOptions().setBaseURL(baseUrl()).setLocale("en-GB"));
  }

  protected String baseUrl() {
    return url("").toString();
  }

  /** Signs {@code member} in through the sign-in page of the browser {@code on}. */
  protected static void signIn(Page on, Member member) {
    on.navigate("/sign-in");
    on.getByLabel("Email").fill(member.email());
    on.getByLabel("Password").fill(member.password());
    on.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in").setExact(true))
        .click();
    on.waitForURL(url -> !url.contains("/sign-in"));
  }

  /** A listing {@code owner} made in the town and an admin approved, through the API. */
  protected UUID publishedBusiness(Member owner, Member admin, UUID townId, String name) {
    com.fasterxml.jackson.databind.node.ObjectNode listing =
        json()
            .put("townId", townId.toString())
            .put("name", name)
            .put("category", "BAKERY")
            .put("description", "Fresh bread every morning")
            .put("address", "1 Market Square");
    UUID id =
        UUID.fromString(
            read(post("/api/businesses", owner.accessToken(), listing)).get("id").asText());
    post("/api/businesses/" + id + "/submit", owner.accessToken(), null);
    post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null);
    return id;
  }

  /**
   * axe-core on the current page (no serious or critical violation) and its screenshots at both
   * widths.
   */
  protected List<Path> checkAndCapture(String name) {
    return checkAndCapture(page, name);
  }

  /** As {@link #checkAndCapture(String)}, for a page of another browser context. */
  protected List<Path> checkAndCapture(Page other, String name) {
    AccessibilityCheck.assertNoSeriousViolations(other);
    return screenshots.capture(other, name);
  }
}
