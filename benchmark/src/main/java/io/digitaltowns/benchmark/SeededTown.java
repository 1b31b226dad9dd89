package io.digitaltowns.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One town with {@code businesses} published listings, written straight into the api's tables (five
 * categories, every 7th featured, each with an address, phone, website, location and
 * Monday–Saturday opening hours, no photos), then {@code ANALYZE}d: the data the api's hot paths
 * and the site's pages are measured on.
 *
 * @param slug the town's slug
 * @param businessId one published business of the town (the first by name), for its page
 */
public record SeededTown(String slug, UUID businessId, int businesses) {

  public static SeededTown seed(Connection c, int businesses) throws SQLException {
    String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    UUID owner = UUID.randomUUID();
    UUID town = UUID.randomUUID();
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, email, display_name, created_at) VALUES ('"
              + owner
              + "', 'owner-"
              + owner
              + "@example.org', 'Bench owner', now())");
      s.execute(
          "INSERT INTO towns (id, slug, name, region, timezone) VALUES ('"
              + town
              + "', '"
              + slug
              + "', 'Bench town', 'Region', 'Europe/Berlin')");
      s.execute(
          """
          INSERT INTO businesses (id, town_id, owner_id, name, category, description, address, phone, website,
                                  latitude, longitude, status, featured)
          SELECT gen_random_uuid(), '%s', '%s', 'Shop ' || i,
                 (ARRAY['BAKERY','BOOKS','FLOWERS','CAFE','HARDWARE'])[1 + i %% 5],
                 'A local shop selling fine ' || (ARRAY['bread','novels','roses','espresso','hammers'])[1 + i %% 5]
                   || ' since ' || (1900 + i %% 120),
                 i || ' Market Street, 10115 Bench town', '+49 30 ' || (1000000 + i),
                 'https://shop-' || i || '.example.org', 52.52 + i * 0.0001, 13.40 + i * 0.0001,
                 'PUBLISHED', i %% 7 = 0
          FROM generate_series(1, %d) AS i"""
              .formatted(town, owner, businesses));
      s.execute(
          """
          INSERT INTO business_opening_hours (business_id, weekday, opens, closes)
          SELECT b.id, d, time '08:00', time '18:00'
          FROM businesses b CROSS JOIN generate_series(1, 6) AS d
          WHERE b.town_id = '%s'"""
              .formatted(town));
      s.execute("ANALYZE businesses");
      s.execute("ANALYZE business_opening_hours");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT id FROM businesses WHERE town_id = '" + town + "' ORDER BY name LIMIT 1")) {
        rs.next();
        return new SeededTown(slug, rs.getObject(1, UUID.class), businesses);
      }
    }
  }
}
