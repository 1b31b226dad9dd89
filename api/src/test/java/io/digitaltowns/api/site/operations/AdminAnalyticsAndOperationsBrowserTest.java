package io.digitaltowns.api.site.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.digitaltowns.api.site.analytics.AnalyticsFiguresSeed;
import io.digitaltowns.api.site.browser.AccessibilityCheck;
import io.digitaltowns.api.site.browser.BrowserTest;
import java.nio.file.Files;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin in Chromium: opens analytics with figures in the table the analytics sink fills, changes
 * the range, downloads a CSV; opens operations, sees a dead letter produced to a dead-letter topic
 * on the real Kafka, redrives it, and a second redrive of it (from a page opened before the first)
 * is refused. A resident gets the 403 page. Every page gets axe and screenshots at 390 and 1280 px.
 */
class AdminAnalyticsAndOperationsBrowserTest extends BrowserTest {

  @Autowired DataSource dataSource;

  @Test
  void an_admin_reads_the_figures_changes_the_range_and_downloads_a_csv() throws Exception {
    new AnalyticsFiguresSeed(dataSource, jdbc).march2026();
    signIn(page, admin());

    page.navigate("/admin/analytics?from=2026-02-20&to=2026-03-19");
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Analytics").setLevel(1)))
        .isVisible();
    assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Sign-ups")))
        .isVisible();
    checkAndCapture("analytics-four-weeks");

    page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-01");
    page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-03");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    page.waitForURL("**/admin/analytics?from=2026-03-01&to=2026-03-03");
    assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Sign-ups")))
        .hasAccessibleDescription(
            Pattern.compile("Registrations: 12 in all, most \\(7\\) on 2026-03-03"));
    page.getByText("Sign-ups as a table").click();
    assertThat(
            page.getByRole(
                AriaRole.ROW,
                new Page.GetByRoleOptions().setName(Pattern.compile("^2026-03-01 4 2$"))))
        .isVisible();
    checkAndCapture("analytics-three-days");

    Download download =
        page.waitForDownload(
            () ->
                page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Download CSV of Sign-ups"))
                    .click());
    Assertions.assertThat(download.suggestedFilename())
        .isEqualTo("dt.analytics.signups-daily_2026-03-01_2026-03-03.csv");
    Assertions.assertThat(Files.readString(download.path()))
        .startsWith(
            "townId,dayUtc,registrations,verified,viaGoogle,viaFacebook,viaPassword\r\nall,2026-03-01,4,2,0,0,4\r\n");

    page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2026-03-09");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("is after to");
    checkAndCapture("analytics-bad-range");
  }

  @Test
  void an_admin_redrives_a_dead_letter_once_and_a_second_redrive_is_refused() throws Exception {
    DeadLetteredRecord deadLetter = new DeadLetteredRecord();
    signIn(page, admin());
    Page stale = browserContext.newPage();

    page.navigate("/admin/operations");
    stale.navigate("/admin/operations");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Relay")))
        .isVisible();
    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(deadLetter.dlt)))
        .isVisible();
    checkAndCapture("operations");

    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Redrive " + deadLetter.dlt + " 0:0"))
        .click();
    assertThat(page.getByRole(AriaRole.STATUS))
        .containsText("Sent " + deadLetter.dlt + " 0:0 back to " + deadLetter.topic);
    assertThat(
            page.getByRole(
                AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Redrive " + deadLetter.dlt + " 0:0")))
        .hasCount(0);
    checkAndCapture("operations-redriven");

    stale
        .getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Redrive " + deadLetter.dlt + " 0:0"))
        .click();
    assertThat(stale.getByRole(AriaRole.ALERT)).containsText("was already redriven");
    AccessibilityCheck.assertNoSeriousViolations(stale);
    screenshots.capture(stale, "operations-second-redrive-refused");
    Assertions.assertThat(deadLetter.onTheOriginalTopic()).hasSize(1);
  }

  @Test
  void a_resident_gets_the_403_page() {
    signIn(page, registerAndSignIn("admin-pages-resident"));

    for (String path : new String[] {"/admin/operations", "/admin/analytics"}) {
      var response = page.navigate(path);

      Assertions.assertThat(response.status()).as(path).isEqualTo(403);
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .hasText("Not for you");
    }
    checkAndCapture("not-for-a-resident");
  }
}
