package io.digitaltowns.api.site.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which Chromium the browser tests drive: Debian's {@code /usr/bin/chromium} when the machine has
 * it, otherwise the one shipped in npm's {@code @sparticuz/chromium} (fetched and unpacked once per
 * machine). No browser and no way to get one fails the test with what to install: a browser test
 * never skips.
 *
 * <p>{@code -Ddigitaltowns.browser.system-chromium=PATH} (or {@code DIGITALTOWNS_SYSTEM_CHROMIUM})
 * names another system browser; pointing it at a path that does not exist exercises the fallback on
 * a machine that has one.
 */
public final class ChromiumExecutable {

  static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Logger log = LoggerFactory.getLogger(ChromiumExecutable.class);

  private ChromiumExecutable() {}

  public static Path resolve() {
    Path system = systemChromium();
    if (Files.isExecutable(system)) {
      log.info("Browser tests use the system Chromium {}", system);
      return system;
    }
    log.info(
        "No executable Chromium at {}: using {}@{}",
        system,
        PackagedChromium.PACKAGE,
        PackagedChromium.VERSION);
    try {
      Path packaged = PackagedChromium.inDefaultCache().ensure();
      if (!Files.isExecutable(packaged)) {
        throw new IllegalStateException(packaged + " is not executable");
      }
      log.info("Browser tests use the packaged Chromium {}", packaged);
      return packaged;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          """
          No Chromium for the browser tests. Install Debian's package:
              apt-get install -y --no-install-recommends chromium
          or make node and npm (with the npm registry) available so that the tests can fetch %s@%s \
          (the attempt failed: %s)"""
              .formatted(PackagedChromium.PACKAGE, PackagedChromium.VERSION, e.getMessage()),
          e);
    }
  }

  private static Path systemChromium() {
    String configured =
        BrowserSettings.value(
            "digitaltowns.browser.system-chromium", "DIGITALTOWNS_SYSTEM_CHROMIUM");
    return configured != null ? Path.of(configured) : DEBIAN_CHROMIUM;
  }
}
