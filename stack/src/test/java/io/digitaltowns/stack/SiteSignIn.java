package io.digitaltowns.stack;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.site.browser.SharedBrowser;

/** Browsers on the shared system's site: a fresh one, or one signed in through the sign-in page. */
final class SiteSignIn {

  private SiteSignIn() {
  }

  static BrowserContext anonymous(LocalSystem system) {
    return SharedBrowser.get().newContext(new Browser.NewContextOptions().setBaseURL(system.apiUrl()));
  }

  /** Signed in with the password {@link ApiClient#register} gives everyone. */
  static BrowserContext as(LocalSystem system, String email) {
    BrowserContext browser = anonymous(system);
    Page page = browser.newPage();
    page.navigate("/sign-in");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(ApiClient.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(url -> !url.contains("/sign-in"));
    page.close();
    return browser;
  }
}
