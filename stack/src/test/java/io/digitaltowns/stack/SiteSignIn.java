package io.digitaltowns.stack;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.site.browser.SharedBrowser;

/** Browsers on the shared system's site: a fresh one, or one signed in through the sign-in page. */
final class SiteSignIn {

  private SiteSignIn() {}

  /**
   * A fresh browser (its own cookies and storage) whose relative URLs resolve against the shared
   * system's site.
   */
  static BrowserContext anonymous(LocalSystem system) {
    return SharedBrowser.get()
        .newContext(new Browser.NewContextOptions().setBaseURL(system.apiUrl()).setLocale("en-GB"));
  }

  /** Signed in with the password {@link ApiClient#register} gives everyone. */
  static BrowserContext as(LocalSystem system, String email) {
    BrowserContext browser = anonymous(system);
    Page page = browser.newPage();
    signIn(page, email, ApiClient.PASSWORD);
    page.close();
    return browser;
  }

  /**
   * Signs in through the sign-in page of {@code page}'s browser and waits until the site has moved
   * on from it.
   */
  static void signIn(Page page, String email, String password) {
    page.navigate("/sign-in");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(url -> !url.contains("/sign-in"));
  }
}
