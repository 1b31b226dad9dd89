package io.digitaltowns.api.businesses.search;

import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.TownNotFoundException;
import io.digitaltowns.api.towns.Towns;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public browsing of a town's published listings: by category, by words (PostgreSQL full text,
 * ranked, the name weighing more than the description), open now in the town's time zone. Featured
 * (subscribed) businesses come first among equals.
 */
@Service
public class BusinessSearch {

  /**
   * Open at {@code :now} in the town's zone, including periods that began the day before and run
   * past midnight.
   */
  private static final String OPEN_NOW =
      """
      EXISTS (SELECT 1 FROM business_opening_hours h
              CROSS JOIN LATERAL (SELECT (CAST(:now AS timestamptz) AT TIME ZONE t.timezone) AS local) l
              WHERE h.business_id = b.id AND (
                (h.weekday = extract(isodow FROM l.local) AND (
                   (h.opens <= h.closes AND l.local::time >= h.opens AND l.local::time < h.closes)
                   OR (h.opens > h.closes AND l.local::time >= h.opens)))
                OR (h.weekday = extract(isodow FROM l.local - interval '1 day')
                    AND h.opens > h.closes AND l.local::time < h.closes)))
      """;

  private final JdbcClient jdbc;
  private final Towns towns;
  private final Clock clock;

  BusinessSearch(JdbcClient jdbc, Towns towns, Clock clock) {
    this.jdbc = jdbc;
    this.towns = towns;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public BusinessCard.Page search(
      String townSlug, String words, Category category, boolean openNow, String cursor, int limit) {
    Town town = towns.bySlug(townSlug).orElseThrow(TownNotFoundException::new);
    boolean ranked = words != null && !words.isBlank();
    Map<String, Object> params = new HashMap<>();
    params.put("townId", town.id());
    params.put("words", ranked ? words.trim() : "");
    params.put("limit", limit + 1);
    StringBuilder sql =
        new StringBuilder(
            """
        SELECT b.id, b.name, b.category, left(b.description, 200) AS summary, b.address, b.featured,
               %s AS rank
        FROM businesses b JOIN towns t ON t.id = b.town_id
        WHERE b.town_id = :townId AND b.status = 'PUBLISHED'
        """
                .formatted(
                    ranked
                        ? "ts_rank(b.search, websearch_to_tsquery('english', :words))"
                        : "CAST(0 AS real)"));
    if (ranked) {
      sql.append(" AND b.search @@ websearch_to_tsquery('english', :words)");
    }
    if (category != null) {
      sql.append(" AND b.category = :category");
      params.put("category", category.name());
    }
    if (openNow) {
      sql.append(" AND ").append(OPEN_NOW);
      params.put("now", Timestamp.from(clock.instant()));
    }
    if (cursor != null && !cursor.isBlank()) {
      SearchCursor after = SearchCursor.decode(cursor);
      params.put("cursorRank", after.rank());
      params.put("cursorFeatured", after.featured());
      params.put("cursorName", after.name());
      params.put("cursorId", after.id());
      sql.append(
          ranked
              ? " AND (ts_rank(b.search, websearch_to_tsquery('english', :words)), b.featured, b.id) < (CAST(:cursorRank AS real), :cursorFeatured, :cursorId)"
              : " AND (NOT b.featured, lower(b.name), b.id) > (NOT :cursorFeatured, lower(:cursorName), :cursorId)");
    }
    sql.append(
        ranked
            ? " ORDER BY rank DESC, b.featured DESC, b.id DESC"
            : " ORDER BY b.featured DESC, lower(b.name), b.id");
    sql.append(" LIMIT :limit");

    List<Row> rows =
        jdbc.sql(sql.toString())
            .params(params)
            .query(
                (rs, n) ->
                    new Row(
                        new BusinessCard(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            Category.valueOf(rs.getString("category")),
                            rs.getString("summary"),
                            rs.getString("address"),
                            rs.getBoolean("featured")),
                        rs.getFloat("rank")))
            .list();
    List<BusinessCard> items = new ArrayList<>(rows.stream().limit(limit).map(Row::card).toList());
    String next = null;
    if (rows.size() > limit) {
      Row last = rows.get(limit - 1);
      next =
          new SearchCursor(
                  last.rank(), last.card().featured(), last.card().name(), last.card().id())
              .encode();
    }
    return new BusinessCard.Page(items, next);
  }

  private record Row(BusinessCard card, float rank) {}
}
