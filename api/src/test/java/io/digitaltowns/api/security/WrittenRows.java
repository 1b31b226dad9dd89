package io.digitaltowns.api.security;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request could have written: row counts, and the listing and user it was aimed at as they
 * are now.
 */
final class WrittenRows {

  private WrittenRows() {}

  /**
   * The billing ledger's own events are left out: a background job writes them whenever it likes.
   */
  static Map<String, Object> now(JdbcClient jdbc, UUID business, UUID user) {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM businesses) AS businesses,
                   (SELECT count(*) FROM towns) AS towns, (SELECT count(*) FROM business_photos) AS photos,
                   (SELECT count(*) FROM refresh_tokens) AS refresh_tokens,
                   (SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL) AS revoked_tokens,
                   (SELECT count(*) FROM stripe_events) AS stripe_events,
                   (SELECT count(*) FROM outbox WHERE aggregate_type <> 'billing') AS outbox,
                   (SELECT string_agg(status || '|' || name || '|' || coalesce(updated_at::text, ''), ',')
                      FROM businesses WHERE id = :business) AS business,
                   (SELECT string_agg(display_name || '|' || suspended || '|' || coalesce(password_hash, ''), ',')
                      FROM users WHERE id = :user) AS user_row
            """)
        .param("business", business)
        .param("user", user)
        .query()
        .singleRow();
  }
}
