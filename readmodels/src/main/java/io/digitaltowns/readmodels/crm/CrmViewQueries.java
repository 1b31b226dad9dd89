package io.digitaltowns.readmodels.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read side of the CRM view ({@code consumers.crm_view_*}, written only by the {@code crm}
 * consumer group through {@link Companies}, {@link Contacts}, {@link Deals} and {@link Timeline}).
 * Searches match a part of a name or an email address, case-insensitively. Before the consumers
 * first ran the tables do not exist: every query then fails with SQL state 42P01 (undefined_table),
 * which the reader turns into its own answer.
 */
public final class CrmViewQueries {

  private static final String COMPANY_COLUMNS =
      """
      SELECT c.business_id, c.name, c.category, c.status, c.town_id, c.owner_id, c.owner_name, c.owner_email,
             d.status AS deal_status, coalesce(r.revenue, 0) AS revenue, d.currency, c.created_at, c.updated_at
      FROM consumers.crm_view_companies c
      LEFT JOIN LATERAL (SELECT status, currency FROM consumers.crm_view_deals
                         WHERE business_id = c.business_id ORDER BY updated_at DESC LIMIT 1) d ON true
      LEFT JOIN LATERAL (SELECT sum(revenue_minor) AS revenue FROM consumers.crm_view_deals
                         WHERE business_id = c.business_id) r ON true
      """;
  private static final String TIMELINE_COLUMNS =
      """
      SELECT event_id, kind, occurred_at, summary, business_id, user_id, actor_id, actor_name, detail, amount_minor,
             currency, reference_id
      FROM consumers.crm_view_activities
      """;
  private static final String CONTACT_COLUMNS =
      """
      SELECT user_id, email, display_name, signup_method, email_verified, suspended, registered_at
      FROM consumers.crm_view_contacts
      """;

  private final JdbcClient jdbc;

  public CrmViewQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Most recently changed first. */
  public List<CrmCompany> companies(String query, int limit) {
    String pattern = pattern(query);
    return jdbc.sql(
            COMPANY_COLUMNS
                + (pattern == null
                    ? ""
                    : """
            WHERE c.name ILIKE :pattern ESCAPE '\\' OR c.owner_name ILIKE :pattern ESCAPE '\\'
               OR c.owner_email ILIKE :pattern ESCAPE '\\' OR c.category ILIKE :pattern ESCAPE '\\'
            """)
                + " ORDER BY c.updated_at DESC, c.business_id LIMIT :limit")
        .params(params(limit, pattern))
        .query(CrmViewQueries::company)
        .list();
  }

  public Optional<CrmCompany> company(String businessId) {
    return jdbc.sql(COMPANY_COLUMNS + " WHERE c.business_id = :id")
        .param("id", businessId)
        .query(CrmViewQueries::company)
        .optional();
  }

  public List<CrmCompany> companiesOwnedBy(String userId) {
    return jdbc.sql(COMPANY_COLUMNS + " WHERE c.owner_id = :id ORDER BY c.created_at")
        .param("id", userId)
        .query(CrmViewQueries::company)
        .list();
  }

  public List<CrmDeal> deals(String businessId) {
    return jdbc.sql(
            """
            SELECT subscription_id, status, current_period_end, cancel_at, revenue_minor, currency, started_at, ended_at
            FROM consumers.crm_view_deals WHERE business_id = :id ORDER BY started_at
            """)
        .param("id", businessId)
        .query(
            (rs, n) ->
                new CrmDeal(
                    rs.getString("subscription_id"),
                    rs.getString("status"),
                    instant(rs, "current_period_end"),
                    instant(rs, "cancel_at"),
                    rs.getLong("revenue_minor"),
                    rs.getString("currency"),
                    instant(rs, "started_at"),
                    instant(rs, "ended_at")))
        .list();
  }

  /** Oldest first; entries of the same instant in the order they were projected. */
  public List<TimelineEntry> timelineOfCompany(String businessId) {
    return jdbc.sql(TIMELINE_COLUMNS + " WHERE business_id = :id ORDER BY occurred_at, seq")
        .param("id", businessId)
        .query(CrmViewQueries::entry)
        .list();
  }

  public List<TimelineEntry> timelineOfContact(String userId) {
    return jdbc.sql(TIMELINE_COLUMNS + " WHERE user_id = :id ORDER BY occurred_at, seq")
        .param("id", userId)
        .query(CrmViewQueries::entry)
        .list();
  }

  /** Most recently registered first. */
  public List<CrmContact> contacts(String query, int limit) {
    String pattern = pattern(query);
    return jdbc.sql(
            CONTACT_COLUMNS
                + (pattern == null
                    ? ""
                    : " WHERE email ILIKE :pattern ESCAPE '\\' OR display_name ILIKE :pattern ESCAPE '\\'")
                + " ORDER BY registered_at DESC, user_id LIMIT :limit")
        .params(params(limit, pattern))
        .query(CrmViewQueries::contact)
        .list();
  }

  public Optional<CrmContact> contact(String userId) {
    return jdbc.sql(CONTACT_COLUMNS + " WHERE user_id = :id")
        .param("id", userId)
        .query(CrmViewQueries::contact)
        .optional();
  }

  /** Parameters of a search: the page size and, when there is a query, its LIKE pattern. */
  private static Map<String, Object> params(int limit, String pattern) {
    return pattern == null ? Map.of("limit", limit) : Map.of("limit", limit, "pattern", pattern);
  }

  private static String pattern(String query) {
    if (query == null || query.isBlank()) {
      return null;
    }
    String literal = query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + literal + "%";
  }

  private static CrmCompany company(ResultSet rs, int row) throws SQLException {
    return new CrmCompany(
        rs.getString("business_id"),
        rs.getString("name"),
        rs.getString("category"),
        rs.getString("status"),
        rs.getString("town_id"),
        rs.getString("owner_id"),
        rs.getString("owner_name"),
        rs.getString("owner_email"),
        rs.getString("deal_status"),
        rs.getLong("revenue"),
        rs.getString("currency"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static CrmContact contact(ResultSet rs, int row) throws SQLException {
    return new CrmContact(
        rs.getString("user_id"),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getString("signup_method"),
        rs.getBoolean("email_verified"),
        rs.getBoolean("suspended"),
        instant(rs, "registered_at"));
  }

  private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
    Long amount = rs.getObject("amount_minor", Long.class);
    return new TimelineEntry(
        rs.getString("event_id"),
        rs.getString("kind"),
        instant(rs, "occurred_at"),
        rs.getString("summary"),
        rs.getString("business_id"),
        rs.getString("user_id"),
        rs.getString("actor_id"),
        rs.getString("actor_name"),
        rs.getString("detail"),
        amount,
        rs.getString("currency"),
        rs.getString("reference_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
