package io.digitaltowns.api.businesses.review;

import io.digitaltowns.api.businesses.Category;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listings waiting for an admin's decision, longest waiting first (the JSON queue and the admin
 * page).
 */
@Service
public class ReviewQueue {

  /** At most this many are listed: a queue longer than a page is worked from its oldest end. */
  public static final int LIMIT = 200;

  /**
   * @param waitingSince when it was submitted (or last changed)
   */
  public record QueuedListing(
      UUID id, UUID townId, String name, Category category, Instant waitingSince) {}

  private final JdbcClient jdbc;

  ReviewQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public List<QueuedListing> waiting() {
    return jdbc.sql(
            """
            SELECT id, town_id, name, category, coalesce(updated_at, created_at) AS waiting_since
            FROM businesses WHERE status = 'IN_REVIEW'
            ORDER BY coalesce(updated_at, created_at), id LIMIT :limit
            """)
        .param("limit", LIMIT)
        .query(
            (rs, n) ->
                new QueuedListing(
                    rs.getObject("id", UUID.class),
                    rs.getObject("town_id", UUID.class),
                    rs.getString("name"),
                    Category.valueOf(rs.getString("category")),
                    rs.getTimestamp("waiting_since").toInstant()))
        .list();
  }
}
