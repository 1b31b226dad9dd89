package io.digitaltowns.api.accounts.admin;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.InvalidEmailAddressException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists and searches users (by part of the email or display name), newest first. */
@Service
public class UserDirectory {

  private static final String COLUMNS =
      """
      SELECT u.id, u.email, u.display_name, u.email_verified, u.suspended, u.created_at,
             coalesce(array_to_string(array(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role), ','), '') AS roles,
             concat_ws(',', CASE WHEN u.password_hash IS NOT NULL THEN 'password' END,
                       nullif(array_to_string(array(SELECT DISTINCT i.provider FROM user_identities i
                                                    WHERE i.user_id = u.id ORDER BY i.provider DESC), ','), '')) AS methods
      FROM users u
      """;

  private final JdbcClient jdbc;

  UserDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param query part of an address or a name; a whole address is first put in its normal form, so
   *     {@code Ana@Bücher.de} finds {@code ana@xn--bcher-kva.de}
   */
  @Transactional(readOnly = true)
  public UserSummary.Page search(String query, int page, int size) {
    String pattern =
        "%" + searchTerm(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    // addresses are stored in normal form (lower-case ASCII), so they are matched as they are
    String where = "WHERE u.email LIKE :pattern OR lower(u.display_name) LIKE :pattern";
    long total =
        jdbc.sql("SELECT count(*) FROM users u " + where)
            .param("pattern", pattern)
            .query(Long.class)
            .single();
    List<UserSummary> items =
        jdbc.sql(COLUMNS + where + " ORDER BY u.created_at DESC, u.id LIMIT :limit OFFSET :offset")
            .param("pattern", pattern)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(UserDirectory::summary)
            .list();
    return new UserSummary.Page(items, page, size, total);
  }

  /**
   * @throws UserNotFoundException (404) when there is no such user
   */
  @Transactional(readOnly = true)
  public UserSummary byId(UUID id) {
    return jdbc.sql(COLUMNS + " WHERE u.id = :id")
        .param("id", id)
        .query(UserDirectory::summary)
        .optional()
        .orElseThrow(UserNotFoundException::new);
  }

  /** The user's suspensions and reinstatements, newest first. */
  @Transactional(readOnly = true)
  public List<UserSummary.StatusChange> statusChanges(UUID id) {
    return jdbc.sql(
            """
            SELECT c.suspended, c.reason, c.changed_by, a.display_name AS admin_name, c.changed_at
            FROM user_status_changes c LEFT JOIN users a ON a.id = c.changed_by
            WHERE c.user_id = :id ORDER BY c.changed_at DESC, c.id DESC
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new UserSummary.StatusChange(
                    rs.getBoolean("suspended"),
                    rs.getString("reason"),
                    rs.getObject("changed_by", UUID.class),
                    rs.getString("admin_name"),
                    rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  private static UserSummary summary(ResultSet rs, int row) throws SQLException {
    return new UserSummary(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getBoolean("email_verified"),
        rs.getBoolean("suspended"),
        split(rs.getString("roles")),
        rs.getTimestamp("created_at").toInstant(),
        split(rs.getString("methods")));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static String searchTerm(String query) {
    if (query == null || query.isBlank()) {
      return "";
    }
    try {
      return EmailAddress.parse(query).value();
    } catch (InvalidEmailAddressException notAWholeAddress) {
      return query.strip().toLowerCase(Locale.ROOT);
    }
  }
}
