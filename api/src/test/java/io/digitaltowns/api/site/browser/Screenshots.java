package io.digitaltowns.api.site.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Path;
import java.util.List;

/**
 * Screenshots of a page at a phone width (390 px) and a desktop width (1280 px), written to {@code
 * target/screenshots/<test>/<name>-<width>.png}; the page's own viewport is put back afterwards.
 */
public final class Screenshots {

  public static final List<Integer> WIDTHS = List.of(390, 1280);
  private static final int HEIGHT = 844;

  private final Path folder;
  private final List<Integer> widths;

  public Screenshots(String testName) {
    this(testName, WIDTHS);
  }

  /**
   * At other widths: a mail's HTML part is read at most 640 px wide (a phone, a mail client's
   * reading pane).
   */
  public Screenshots(String testName, List<Integer> widths) {
    this.folder = Path.of("target", "screenshots", testName);
    this.widths = List.copyOf(widths);
  }

  /** Every width, full page; returns the files written. */
  public List<Path> capture(Page page, String name) {
    ViewportSize before = page.viewportSize();
    try {
      return widths.stream()
          .map(
              width -> {
                page.setViewportSize(width, HEIGHT);
                Path file = folder.resolve(name + "-" + width + ".png");
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                return file;
              })
          .toList();
    } finally {
      if (before != null) {
        page.setViewportSize(before.width, before.height);
      }
    }
  }
}
