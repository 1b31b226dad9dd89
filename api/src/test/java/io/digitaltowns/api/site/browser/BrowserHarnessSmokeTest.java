package io.digitaltowns.api.site.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: Chromium starts, opens a page the api serves, axe runs in it, screenshots
 * land on disk.
 */
class BrowserHarnessSmokeTest extends BrowserTest {

  @Test
  void the_browser_opens_a_page_served_by_the_api_checks_it_and_captures_it() {
    var response = page.navigate("/sign-in");

    assertThat(response.status()).isEqualTo(200);
    assertThat(page.title()).isNotBlank();
    AccessibilityCheck.assertNoSeriousViolations(page);
    List<Path> files = screenshots.capture(page, "sign-in");

    assertThat(files)
        .extracting(path -> path.getFileName().toString())
        .containsExactly("sign-in-390.png", "sign-in-1280.png");
    assertThat(files).allSatisfy(file -> assertThat(Files.size(file)).isGreaterThan(1_000));
  }

  @Test
  void the_accessibility_check_fails_on_a_form_field_without_a_label_and_names_the_rule() {
    page.setContent(
        "<!doctype html><html lang=en><title>t</title><main><input type=text></main></html>");

    assertThatThrownBy(() -> AccessibilityCheck.assertNoSeriousViolations(page))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("label");
  }

  @Test
  void each_test_starts_in_a_fresh_browser_context_without_cookies() {
    assertThat(browserContext.cookies()).isEmpty();
    Page other = newBrowserContext().newPage();
    try {
      assertThat(other.context()).isNotSameAs(browserContext);
    } finally {
      other.context().close();
    }
  }
}
