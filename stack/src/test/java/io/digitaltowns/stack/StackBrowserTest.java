package io.digitaltowns.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.digitaltowns.api.site.browser.AccessibilityCheck;
import io.digitaltowns.api.site.browser.Screenshots;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A test that drives the shared system's site in a real headless Chromium, as the api's {@code
 * BrowserTest} does for the api alone: each test gets a fresh browser context (its own cookies and
 * storage), a page whose relative URLs resolve against the site, and screenshots under {@code
 * target/screenshots/<class>/<test>/}.
 */
abstract class StackBrowserTest {

  protected final LocalSystem system = SharedSystem.get();
  protected final ApiClient api = new ApiClient(system.apiUrl());
  protected BrowserContext context;
  protected Page page;
  protected Screenshots screenshots;

  @BeforeEach
  void openBrowserContext(TestInfo test) {
    context = SiteSignIn.anonymous(system);
    page = context.newPage();
    screenshots =
        new Screenshots(
            getClass().getSimpleName()
                + "/"
                + test.getTestMethod().map(Method::getName).orElse(test.getDisplayName()));
  }

  @AfterEach
  void closeBrowserContext() {
    if (context != null) {
      context.close();
    }
  }

  /**
   * Screenshots at other widths, in the class's own folder (a mail's HTML part is read at most 640
   * px wide).
   */
  protected Screenshots screenshotsOfTheClass(List<Integer> widths) {
    return new Screenshots(getClass().getSimpleName(), widths);
  }

  /** Signs in through the sign-in page of this test's browser. */
  protected void signIn(String email, String password) {
    SiteSignIn.signIn(page, email, password);
  }

  /** axe-core on this test's page (no serious or critical violation) and its screenshots. */
  protected void capture(String name) {
    AccessibilityCheck.assertNoSeriousViolations(page);
    screenshots.capture(page, name);
  }

  /**
   * The listing {@code owner} made, submitted and an admin approved, through the API; returns its
   * id.
   */
  protected String published(String owner, String admin, ObjectNode listing) {
    String id =
        ApiClient.read(api.call("POST", "/api/businesses", owner, listing).body())
            .get("id")
            .asText();
    api.call("POST", "/api/businesses/" + id + "/submit", owner, null);
    api.call("POST", "/api/admin/businesses/" + id + "/approve", admin, null);
    return id;
  }
}
