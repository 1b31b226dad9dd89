package io.digitaltowns.api.site.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics page over plain HTTP: charts drawn on the server, their tables, the range form and
 * the CSV files.
 */
class AnalyticsPagesTest extends SitePageTest {

  private static final String MARCH = "/admin/analytics?from=2026-03-01&to=2026-03-07";

  @Autowired DataSource dataSource;

  private Member adminMember;
  private SiteClient admin;

  @BeforeEach
  void figuresAndAnAdmin() {
    new AnalyticsFiguresSeed(dataSource, jdbc).march2026();
    adminMember = admin();
    admin = signedIn(adminMember);
  }

  @Test
  void an_admin_sees_each_figure_as_an_svg_chart_with_a_text_alternative_and_its_csv_link() {
    HttpResponse<String> page = admin.get(MARCH);

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<h1>Analytics</h1>", "value=\"2026-03-01\"", "value=\"2026-03-07\"");
    for (String figure :
        new String[] {
          "signups-daily", "listings", "subscriptions-daily", "revenue-daily", "engagement-daily"
        }) {
      assertThat(html)
          .as(figure)
          .contains(
              "href=\"/admin/analytics/" + figure + ".csv?from=2026-03-01&amp;to=2026-03-07\"");
    }
    assertThat(html)
        .contains(
            "role=\"img\" aria-labelledby=\"signups-daily-title\" aria-describedby=\"signups-daily-desc\"",
            "<title id=\"signups-daily-title\">Sign-ups</title>",
            "Registrations: 12 in all, most (7) on 2026-03-03; Confirmed addresses: 8 in all, most (5) on 2026-03-03",
            "Paid (EUR): 2900 in all",
            "<th scope=\"row\">2026-03-03</th><td class=\"number\">7</td><td class=\"number\">5</td>");
    // one group of bars per day of the range, two series: 14 bars
    assertThat(
            Pattern.compile("class=\"chart-bar series-[01]\"")
                .matcher(section(html, "signups-daily"))
                .results()
                .count())
        .isEqualTo(14);
    assertThat(html).contains("Engagement from 2026-03-01 to 2026-03-07: nothing counted yet.");
  }

  @Test
  void the_csv_download_under_the_session_is_the_apis_csv_for_the_same_range() {
    HttpResponse<String> download =
        admin.get("/admin/analytics/signups-daily.csv?from=2026-03-02&to=2026-03-03");
    HttpResponse<String> api =
        get(
            "/api/admin/analytics/signups-daily?from=2026-03-02&to=2026-03-03&format=csv",
            adminMember.accessToken());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            disposition ->
                assertThat(disposition)
                    .contains(
                        "attachment", "dt.analytics.signups-daily_2026-03-02_2026-03-03.csv"));
    assertThat(download.body())
        .isEqualTo(api.body())
        .isEqualTo(
            """
        townId,dayUtc,registrations,verified,viaGoogle,viaFacebook,viaPassword\r
        all,2026-03-02,1,1,0,0,1\r
        all,2026-03-03,7,5,0,0,7\r
        """);
  }

  @Test
  void without_a_range_the_page_shows_the_last_30_days_up_to_today() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    HttpResponse<String> page = admin.get("/admin/analytics");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("value=\"" + today.minusDays(29) + "\"", "value=\"" + today + "\"");
  }

  @Test
  void a_reversed_too_long_or_malformed_range_shows_the_form_with_the_error_and_no_charts() {
    HttpResponse<String> reversed = admin.get("/admin/analytics?from=2026-03-07&to=2026-03-01");
    HttpResponse<String> tooLong = admin.get("/admin/analytics?from=2020-01-01&to=2026-01-01");
    HttpResponse<String> malformed = admin.get("/admin/analytics?from=yesterday&to=2026-03-01");

    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body())
        .contains(
            "role=\"alert\"", "from (2026-03-07) is after to (2026-03-01).", "value=\"2026-03-07\"")
        .doesNotContain("<svg");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("At most 366 days at a time");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body())
        .contains("Write the day as yyyy-mm-dd", "aria-invalid=\"true\"", "value=\"yesterday\"");
  }

  @Test
  void an_unknown_figure_or_a_bad_range_for_a_csv_is_an_error_page() {
    HttpResponse<String> unknown = admin.get("/admin/analytics/page-views.csv");
    HttpResponse<String> reversed =
        admin.get("/admin/analytics/signups-daily.csv?from=2026-03-07&to=2026-03-01");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Page not found");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }

  @Test
  void a_resident_gets_the_403_page_not_the_figures() {
    SiteClient resident = signedIn(registerAndSignIn("analytics-page-resident"));

    HttpResponse<String> page = resident.get(MARCH);
    HttpResponse<String> csv = resident.get("/admin/analytics/signups-daily.csv");

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Not for you").doesNotContain("<svg");
    assertThat(csv.statusCode()).isEqualTo(403);
    assertThat(csv.body()).doesNotContain("registrations");
  }

  private static String section(String html, String figure) {
    int start = html.indexOf("id=\"" + figure + "-heading\"");
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }
}
