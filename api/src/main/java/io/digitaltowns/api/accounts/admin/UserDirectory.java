package io.digitaltowns.api.accounts.admin;

import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.InvalidEmailAddressException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists and searches users (by part of the email or display name), newest first. */
@Service
class UserDirectory {

  private final JdbcClient jdbc;

  UserDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param query part of an address or a name; a whole address is first put in its normal form, so
   *     {@code Ana@Bücher.de} finds {@code ana@xn--bcher-kva.de}
   */
  @Transactional(readOnly = true)
  UserSummary.Page search(String query, int page, int size) {
    String pattern = "%" + searchTerm(query)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    // addresses are stored in normal form (lower-case ASCII), so they are matched as they are
    String where = "WHERE u.email LIKE :pattern OR lower(u.display_name) LIKE :pattern";
    long total = jdbc.sql("SELECT count(*) FROM users u " + where).param("pattern", pattern).query(Long.class).single();
    List<UserSummary> items = jdbc.sql("""
            SELECT u.id, u.email, u.display_name, u.email_verified, u.suspended, u.created_at,
                   coalesce(array_to_string(array(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role), ','), '') AS roles
            FROM users u
            """ + where + " ORDER BY u.created_at DESC, u.id LIMIT :limit OFFSET :offset")
        .param("pattern", pattern)
        .param("limit", size)
        .param("offset", (long) page * size)
        .query((rs, n) -> new UserSummary(rs.getObject("id", UUID.class), rs.getString("email"),
            rs.getString("display_name"), rs.getBoolean("email_verified"), rs.getBoolean("suspended"),
            rs.getString("roles").isEmpty() ? List.of() : Arrays.asList(rs.getString("roles").split(",")),
            rs.getTimestamp("created_at").toInstant()))
        .list();
    return new UserSummary.Page(items, page, size, total);
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
