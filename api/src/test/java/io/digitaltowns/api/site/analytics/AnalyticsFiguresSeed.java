package io.digitaltowns.api.site.analytics;

import io.digitaltowns.readmodels.ReadModelMigrations;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows in {@code consumers.analytics_figures} as the consumers' analytics sink writes them (the
 * latest value of each key of a dt.analytics.* topic, as JSON), in a table made by its owner's
 * migration (module readmodels): the api and the consumers share the database. How the figures get
 * there from real events is the stack's AnalyticsFlowTest.
 */
public final class AnalyticsFiguresSeed {

  public static final String SIGNUPS = "dt.analytics.signups-daily";
  public static final String REVENUE = "dt.analytics.revenue-daily";

  private final JdbcClient jdbc;

  public AnalyticsFiguresSeed(DataSource dataSource, JdbcClient jdbc) {
    this.jdbc = jdbc;
    ReadModelMigrations.migrate(dataSource);
  }

  /**
   * Sign-ups of March 2026: 4 on the 1st, 1 on the 2nd, 7 on the 3rd; revenue in euros on the 2nd.
   */
  public AnalyticsFiguresSeed march2026() {
    jdbc.sql("DELETE FROM consumers.analytics_figures WHERE topic IN (:signups, :revenue)")
        .param("signups", SIGNUPS)
        .param("revenue", REVENUE)
        .update();
    signups("2026-03-01", 4, 2);
    signups("2026-03-02", 1, 1);
    signups("2026-03-03", 7, 5);
    sink(
        REVENUE,
        "{\"dayUtc\":\"2026-03-02\",\"currency\":\"eur\"}",
        "2026-03-02",
        "{\"dayUtc\":\"2026-03-02\",\"currency\":\"eur\",\"grossAmount\":2900,\"paidInvoices\":1,\"monthlyRecurringRevenue\":2900}");
    return this;
  }

  private void signups(String day, int registrations, int verified) {
    sink(
        SIGNUPS,
        "{\"townId\":\"all\",\"dayUtc\":\"" + day + "\"}",
        day,
        "{\"townId\":\"all\",\"dayUtc\":\""
            + day
            + "\",\"registrations\":"
            + registrations
            + ",\"verified\":"
            + verified
            + ",\"viaGoogle\":0,\"viaFacebook\":0,\"viaPassword\":"
            + registrations
            + "}");
  }

  private void sink(String topic, String key, String day, String figures) {
    jdbc.sql(
            """
            INSERT INTO consumers.analytics_figures (topic, record_key, day_utc, figures, updated_at)
            VALUES (:topic, :key, CAST(:day AS date), CAST(:figures AS jsonb), now())
            ON CONFLICT (topic, record_key) DO UPDATE SET figures = EXCLUDED.figures
            """)
        .param("topic", topic)
        .param("key", key)
        .param("day", day)
        .param("figures", figures)
        .update();
  }
}
