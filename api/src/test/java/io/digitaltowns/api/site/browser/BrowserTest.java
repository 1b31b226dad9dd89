package io.digitaltowns.api.site.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.digitaltowns.api.ApiHttpTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A test that drives the running api in a real headless Chromium: each test gets a fresh browser context
 * (its own cookies and storage) and a page whose relative URLs resolve against the api's random port.
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
    screenshots = new Screenshots(test.getTestClass().map(Class::getSimpleName).orElse("test") + "/"
        + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(test.getDisplayName()));
  }

  @AfterEach
  void closeBrowserContext() {
    if (browserContext != null) {
      browserContext.close();
    }
  }

  /** Another, independent browser (a second device of the same person, or another person); closed by the caller. */
  protected BrowserContext newBrowserContext() {
    Browser browser = SharedBrowser.get();
    return browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setLocale("en-GB"));
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** axe-core on the current page (no serious or critical violation) and its screenshots at both widths. */
  protected List<Path> checkAndCapture(String name) {
    AccessibilityCheck.assertNoSeriousViolations(page);
    return screenshots.capture(page, name);
  }
}
