package io.digitaltowns.api.site.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;

/**
 * One Playwright driver and one headless Chromium per test JVM: starting a browser costs about a
 * second, so every browser test shares it and isolates itself with its own {@link
 * com.microsoft.playwright.BrowserContext}. Closed when the JVM exits.
 */
public final class SharedBrowser {

  /** Playwright must never try to download a browser of its own: it cannot reach its CDN here. */
  static final Map<String, String> DRIVER_ENVIRONMENT =
      Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

  /**
   * Chromium's background services (component updates, sync, safe browsing lists, QUIC probes) try
   * to reach Google at every start; on a closed network those attempts only add noise and delay.
   */
  static final List<String> CHROMIUM_ARGS =
      List.of(
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private static Browser browser;

  private SharedBrowser() {}

  public static synchronized Browser get() {
    if (browser == null) {
      browser = launch();
    }
    return browser;
  }

  private static Browser launch() {
    var executable = ChromiumExecutable.resolve();
    Playwright playwright =
        Playwright.create(new Playwright.CreateOptions().setEnv(DRIVER_ENVIRONMENT));
    Browser launched;
    try {
      launched =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setHeadless(true)
                      .setExecutablePath(executable)
                      .setArgs(CHROMIUM_ARGS));
    } catch (RuntimeException e) {
      playwright.close();
      throw new IllegalStateException(
          "Chromium at " + executable + " did not start under Playwright: " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
    return launched;
  }
}
