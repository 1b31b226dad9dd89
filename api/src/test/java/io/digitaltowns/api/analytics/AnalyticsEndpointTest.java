package io.digitaltowns.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.readmodels.ReadModelMigrations;
import java.net.http.HttpResponse;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admins' analytics endpoint over the table the consumers' analytics sink writes. The table is
 * made by the migration of its owner, module readmodels (the api and the consumers share the
 * database), and filled here with rows as the sink writes them: the latest value of each key of a
 * dt.analytics.* topic, as JSON.
 */
class AnalyticsEndpointTest extends ApiHttpTest {

  private static final String SIGNUPS = "dt.analytics.signups-daily";
  private static final String LISTINGS = "dt.analytics.listings";

  @Autowired DataSource dataSource;

  @BeforeEach
  void figuresAsTheSinkWritesThem() {
    ReadModelMigrations.migrate(dataSource);
    jdbc.sql("DELETE FROM consumers.analytics_figures WHERE topic IN (:signups, :listings)")
        .param("signups", SIGNUPS)
        .param("listings", LISTINGS)
        .update();
    signups("2026-03-01", 4, 2, 1, 1, 2);
    signups("2026-03-02", 1, 3, 0, 0, 1);
    signups("2026-03-03", 7, 0, 7, 0, 0);
    sink(
        LISTINGS,
        "{\"townId\":\"town-a\",\"category\":\"bakery\"}",
        null,
        "{\"townId\":\"town-a\",\"category\":\"bakery\",\"published\":3,\"pendingReview\":1,\"featured\":1}");
  }

  @Test
  void an_admin_gets_the_daily_figures_of_a_range_of_utc_days_as_json() {
    HttpResponse<String> response =
        get(
            "/api/admin/analytics/signups-daily?from=2026-03-01&to=2026-03-02",
            admin().accessToken());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = read(response);
    assertThat(report.get("topic").asText()).isEqualTo(SIGNUPS);
    assertThat(report.get("from").asText()).isEqualTo("2026-03-01");
    assertThat(report.get("to").asText()).isEqualTo("2026-03-02");
    assertThat(report.get("rows")).hasSize(2);
    assertThat(report.at("/rows/0").toString())
        .isEqualTo(
            "{\"townId\":\"all\",\"dayUtc\":\"2026-03-01\",\"registrations\":4,\"verified\":2,\"viaGoogle\":1,\"viaFacebook\":1,\"viaPassword\":2}");
    assertThat(report.at("/rows/1/dayUtc").asText()).isEqualTo("2026-03-02");
  }

  @Test
  void the_same_figures_come_as_csv_when_asked_by_accept_header_or_parameter() throws Exception {
    String expected =
        """
        townId,dayUtc,registrations,verified,viaGoogle,viaFacebook,viaPassword\r
        all,2026-03-02,1,3,0,0,1\r
        all,2026-03-03,7,0,7,0,0\r
        """;
    String token = admin().accessToken();

    HttpResponse<String> byAccept =
        send(
            request("/api/admin/analytics/signups-daily?from=2026-03-02&to=2026-03-03", token)
                .header("Accept", "text/csv")
                .GET());
    HttpResponse<String> byParameter =
        get("/api/admin/analytics/signups-daily?from=2026-03-02&to=2026-03-03&format=csv", token);

    assertThat(byAccept.statusCode()).isEqualTo(200);
    assertThat(byAccept.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(byAccept.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            disposition ->
                assertThat(disposition)
                    .contains("dt.analytics.signups-daily_2026-03-02_2026-03-03.csv"));
    assertThat(byAccept.body()).isEqualTo(expected);
    assertThat(byParameter.statusCode()).isEqualTo(200);
    assertThat(byParameter.body()).isEqualTo(expected);
  }

  @Test
  void listings_are_the_counts_as_they_stand_whatever_the_range() {
    JsonNode report =
        read(
            get(
                "/api/admin/analytics/listings?from=1999-01-01&to=1999-01-02",
                admin().accessToken()));

    assertThat(report.get("from").isNull()).isTrue();
    assertThat(report.at("/rows/0").toString())
        .isEqualTo(
            "{\"townId\":\"town-a\",\"category\":\"bakery\",\"published\":3,\"pendingReview\":1,\"featured\":1}");
  }

  @Test
  void a_reversed_or_too_long_range_or_a_malformed_day_is_a_bad_request_with_a_problem_body() {
    String token = admin().accessToken();

    HttpResponse<String> reversed =
        get("/api/admin/analytics/signups-daily?from=2026-03-03&to=2026-03-01", token);
    HttpResponse<String> tooLong =
        get("/api/admin/analytics/signups-daily?from=2020-01-01&to=2026-01-01", token);
    HttpResponse<String> malformed =
        get("/api/admin/analytics/signups-daily?from=yesterday", token);

    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(read(reversed).get("title").asText()).isEqualTo("Invalid date range");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void an_unknown_topic_is_not_found() {
    HttpResponse<String> response = get("/api/admin/analytics/page-views", admin().accessToken());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(read(response).get("detail").asText()).contains("signups-daily", "engagement-daily");
  }

  @Test
  void a_resident_may_not_read_the_figures() {
    assertThat(
            get(
                    "/api/admin/analytics/signups-daily",
                    registerAndSignIn("analytics-resident").accessToken())
                .statusCode())
        .isEqualTo(403);
  }

  private void signups(
      String day, long registrations, long verified, long google, long facebook, long password) {
    sink(
        SIGNUPS,
        "{\"townId\":\"all\",\"dayUtc\":\"" + day + "\"}",
        day,
        "{\"townId\":\"all\",\"dayUtc\":\"%s\",\"registrations\":%d,\"verified\":%d,\"viaGoogle\":%d,\"viaFacebook\":%d,\"viaPassword\":%d}"
            .formatted(day, registrations, verified, google, facebook, password));
  }

  private void sink(String topic, String key, String day, String figures) {
    jdbc.sql(
            """
            INSERT INTO consumers.analytics_figures (topic, record_key, day_utc, figures, updated_at)
            VALUES (:topic, :key, CAST(:day AS date), CAST(:figures AS jsonb), :now)
            """)
        .param("topic", topic)
        .param("key", key)
        .param("day", day)
        .param("figures", figures)
        .param("now", java.sql.Timestamp.from(Instant.now()))
        .update();
  }
}
