package io.digitaltowns.api.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the CRM read model ({@code consumers.crm_view_*}, written only by the {@code crm} consumer
 * group). Searches match a part of a name or an email address, case-insensitively.
 */
@Component
public class CrmReadModel {

  private static final String COMPANY_COLUMNS = """
      SELECT c.business_id, c.name, c.category, c.status, c.town_id, c.owner_id, c.owner_name, c.owner_email,
             d.status AS deal_status, coalesce(r.revenue, 0) AS revenue, d.currency, c.created_at, c.updated_at
      FROM consumers.crm_view_companies c
      LEFT JOIN LATERAL (SELECT status, currency FROM consumers.crm_view_deals
                         WHERE business_id = c.business_id ORDER BY updated_at DESC LIMIT 1) d ON true
      LEFT JOIN LATERAL (SELECT sum(revenue_minor) AS revenue FROM consumers.crm_view_deals
                         WHERE business_id = c.business_id) r ON true
      """;
  private static final String TIMELINE_COLUMNS = """
      SELECT event_id, kind, occurred_at, summary, business_id, user_id, actor_id, actor_name, detail, amount_minor,
             currency, reference_id
      FROM consumers.crm_view_activities
      """;

  private final JdbcClient jdbc;

  CrmReadModel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Most recently changed first. */
  public List<CrmCompany> companies(String query, int limit) {
    String pattern = pattern(query);
    return read(() -> jdbc.sql(COMPANY_COLUMNS + (pattern == null ? "" : """
            WHERE c.name ILIKE :pattern ESCAPE '\\' OR c.owner_name ILIKE :pattern ESCAPE '\\'
               OR c.owner_email ILIKE :pattern ESCAPE '\\' OR c.category ILIKE :pattern ESCAPE '\\'
            """) + " ORDER BY c.updated_at DESC, c.business_id LIMIT :limit")
        .params(params(limit, pattern))
        .query(CrmReadModel::company).list());
  }

  /** @throws CompanyNotFoundException (404) when the CRM has no such company */
  public CompanyDetail companyDetail(UUID businessId) {
    String id = businessId.toString();
    CrmCompany company = company(id).orElseThrow(CompanyNotFoundException::new);
    return new CompanyDetail(company, deals(id), timelineOfCompany(id));
  }

  /** @throws ContactNotFoundException (404) when the CRM has no such contact */
  public ContactDetail contactDetail(UUID userId) {
    String id = userId.toString();
    CrmContact contact = contact(id).orElseThrow(ContactNotFoundException::new);
    return new ContactDetail(contact, companiesOwnedBy(id), timelineOfContact(id));
  }

  Optional<CrmCompany> company(String businessId) {
    return read(() -> jdbc.sql(COMPANY_COLUMNS + " WHERE c.business_id = :id").param("id", businessId)
        .query(CrmReadModel::company).optional());
  }

  List<CrmCompany> companiesOwnedBy(String userId) {
    return read(() -> jdbc.sql(COMPANY_COLUMNS + " WHERE c.owner_id = :id ORDER BY c.created_at").param("id", userId)
        .query(CrmReadModel::company).list());
  }

  List<CrmDeal> deals(String businessId) {
    return read(() -> jdbc.sql("""
            SELECT subscription_id, status, current_period_end, cancel_at, revenue_minor, currency, started_at, ended_at
            FROM consumers.crm_view_deals WHERE business_id = :id ORDER BY started_at
            """)
        .param("id", businessId)
        .query((rs, n) -> new CrmDeal(rs.getString("subscription_id"), rs.getString("status"),
            instant(rs, "current_period_end"), instant(rs, "cancel_at"), rs.getLong("revenue_minor"),
            rs.getString("currency"), instant(rs, "started_at"), instant(rs, "ended_at")))
        .list());
  }

  /** Oldest first; entries of the same instant in the order they were projected. */
  List<TimelineEntry> timelineOfCompany(String businessId) {
    return read(() -> jdbc.sql(TIMELINE_COLUMNS + " WHERE business_id = :id ORDER BY occurred_at, seq")
        .param("id", businessId).query(CrmReadModel::entry).list());
  }

  List<TimelineEntry> timelineOfContact(String userId) {
    return read(() -> jdbc.sql(TIMELINE_COLUMNS + " WHERE user_id = :id ORDER BY occurred_at, seq")
        .param("id", userId).query(CrmReadModel::entry).list());
  }

  /** Most recently registered first. */
  public List<CrmContact> contacts(String query, int limit) {
    String pattern = pattern(query);
    return read(() -> jdbc.sql("""
            SELECT user_id, email, display_name, signup_method, email_verified, suspended, registered_at
            FROM consumers.crm_view_contacts
            """ + (pattern == null ? "" : " WHERE email ILIKE :pattern ESCAPE '\\' OR display_name ILIKE :pattern ESCAPE '\\'")
            + " ORDER BY registered_at DESC, user_id LIMIT :limit")
        .params(params(limit, pattern))
        .query(CrmReadModel::contact).list());
  }

  Optional<CrmContact> contact(String userId) {
    return read(() -> jdbc.sql("""
            SELECT user_id, email, display_name, signup_method, email_verified, suspended, registered_at
            FROM consumers.crm_view_contacts WHERE user_id = :id
            """).param("id", userId).query(CrmReadModel::contact).optional());
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

  /** The tables belong to the consumers: until they ran once, there is nothing to read. */
  private static <T> T read(Supplier<T> query) {
    try {
      return query.get();
    } catch (BadSqlGrammarException e) {
      if (e.getSQLException() != null && "42P01".equals(e.getSQLException().getSQLState())) {
        throw new CrmReadModelUnavailableException(e);
      }
      throw e;
    }
  }

  private static CrmCompany company(ResultSet rs, int row) throws SQLException {
    return new CrmCompany(rs.getString("business_id"), rs.getString("name"), rs.getString("category"),
        rs.getString("status"), rs.getString("town_id"), rs.getString("owner_id"), rs.getString("owner_name"),
        rs.getString("owner_email"), rs.getString("deal_status"), rs.getLong("revenue"), rs.getString("currency"),
        instant(rs, "created_at"), instant(rs, "updated_at"));
  }

  private static CrmContact contact(ResultSet rs, int row) throws SQLException {
    return new CrmContact(rs.getString("user_id"), rs.getString("email"), rs.getString("display_name"),
        rs.getString("signup_method"), rs.getBoolean("email_verified"), rs.getBoolean("suspended"),
        instant(rs, "registered_at"));
  }

  private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
    Long amount = rs.getObject("amount_minor", Long.class);
    return new TimelineEntry(rs.getString("event_id"), rs.getString("kind"), instant(rs, "occurred_at"),
        rs.getString("summary"), rs.getString("business_id"), rs.getString("user_id"), rs.getString("actor_id"),
        rs.getString("actor_name"), rs.getString("detail"), amount, rs.getString("currency"),
        rs.getString("reference_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
