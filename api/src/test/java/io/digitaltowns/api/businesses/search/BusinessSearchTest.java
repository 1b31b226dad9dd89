package io.digitaltowns.api.businesses.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search over a seeded data set: 1,200 listings in three towns, of which 10% are drafts. */
class BusinessSearchTest extends ApiHttpTest {

  private static final int PER_TOWN = 400;
  private static final String[] CATEGORIES = {"BAKERY", "BOOKS", "FLOWERS", "CAFE", "HARDWARE"};
  private static final String[] GOODS = {"bread", "novels", "roses", "espresso", "hammers"};
  private static final String ZONE = "Asia/Tokyo";

  private static final List<String> towns = new ArrayList<>();
  private static UUID ownerId;

  @BeforeEach
  void seedOnce() {
    if (!towns.isEmpty()) {
      return;
    }
    Member admin = admin();
    ownerId = registerAndSignIn("seed-owner").id();
    for (int t = 0; t < 3; t++) {
      String slug = "search-" + t + "-" + UUID.randomUUID().toString().substring(0, 6);
      UUID townId = createTown(admin, slug, ZONE);
      towns.add(slug);
      jdbc.sql(
              """
              INSERT INTO businesses (id, town_id, owner_id, name, category, description, status, featured)
              SELECT gen_random_uuid(), :townId, :ownerId, 'Shop ' || i || ' of town ' || :t,
                     (CAST(:categories AS text[]))[1 + i % 5],
                     'A local shop selling fine ' || (CAST(:goods AS text[]))[1 + i % 5] || ' since ' || (1900 + i),
                     CASE WHEN i % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END, i % 7 = 0
              FROM generate_series(1, :count) AS i
              """)
          .param("townId", townId)
          .param("ownerId", ownerId)
          .param("t", t)
          .param("categories", "{" + String.join(",", CATEGORIES) + "}")
          .param("goods", "{" + String.join(",", GOODS) + "}")
          .param("count", PER_TOWN)
          .update();
    }
  }

  @Test
  void paging_through_a_town_returns_every_published_listing_once_featured_first() {
    List<JsonNode> all = pageThrough(towns.get(0), "", 37);

    Set<String> ids = new HashSet<>();
    all.forEach(card -> ids.add(card.get("id").asText()));
    assertThat(all).hasSize(PER_TOWN - PER_TOWN / 10);
    assertThat(ids).hasSize(all.size());
    int lastFeatured = -1;
    int firstPlain = Integer.MAX_VALUE;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).get("featured").asBoolean()) {
        lastFeatured = i;
      } else {
        firstPlain = Math.min(firstPlain, i);
      }
    }
    assertThat(lastFeatured).isLessThan(firstPlain);
  }

  @Test
  void searching_words_finds_matching_listings_in_that_town_only_and_pages_them_stably() {
    List<JsonNode> found = pageThrough(towns.get(1), "&q=" + encode("espresso"), 25);

    assertThat(found).hasSize(publishedIn(towns.get(1), "CAFE"));
    assertThat(found).as("espresso is what the cafes sell").isNotEmpty();
    assertThat(found)
        .allSatisfy(card -> assertThat(card.get("summary").asText()).contains("espresso"));
    assertThat(found).extracting(card -> card.get("id").asText()).doesNotHaveDuplicates();
  }

  @Test
  void a_match_in_the_name_ranks_above_a_match_in_the_description_and_featured_wins_among_equals() {
    // letters only: digits would make the full-text parser split the word
    String word =
        "quokka"
            + UUID.randomUUID()
                .toString()
                .replaceAll("[^0-9a-f]", "")
                .chars()
                .mapToObj(c -> String.valueOf((char) ('g' + Character.digit(c, 16))))
                .limit(8)
                .reduce("", String::concat);
    String town = towns.get(2);
    UUID inDescription = insert(town, "Plain Shop", "We sell " + word + " souvenirs", false);
    UUID inName = insert(town, "The " + word + " Shop", "Souvenirs", false);
    UUID twinPlain = insert(town, "Twin " + word, "Twin", false);
    UUID twinFeatured = insert(town, "Twin " + word, "Twin", true);

    List<String> order =
        pageThrough(town, "&q=" + word, 10).stream().map(card -> card.get("id").asText()).toList();

    assertThat(order)
        .containsExactlyInAnyOrder(
            inDescription.toString(),
            inName.toString(),
            twinPlain.toString(),
            twinFeatured.toString());
    assertThat(order.indexOf(twinFeatured.toString()))
        .isLessThan(order.indexOf(twinPlain.toString()));
    assertThat(order.indexOf(inName.toString()))
        .isLessThan(order.indexOf(inDescription.toString()));
  }

  @Test
  void filtering_by_category_returns_only_that_category() {
    List<JsonNode> books = pageThrough(towns.get(0), "&category=BOOKS", 100);

    assertThat(books).hasSize(publishedIn(towns.get(0), "BOOKS"));
    assertThat(books)
        .allSatisfy(card -> assertThat(card.get("category").asText()).isEqualTo("BOOKS"));
  }

  @Test
  void open_now_uses_the_town_time_zone() {
    String town = towns.get(2);
    LocalTime local = ZonedDateTime.now(ZoneId.of(ZONE)).toLocalTime();
    UUID open = insert(town, "Open Around Now", "open", false);
    UUID closed = insert(town, "Closed Around Now", "closed", false);
    // a period from an hour ago to an hour ahead, across midnight if need be; today's weekday in
    // the town
    int today = ZonedDateTime.now(ZoneId.of(ZONE)).getDayOfWeek().getValue();
    hours(open, today, local.minusHours(1), local.plusHours(1));
    hours(open, today == 1 ? 7 : today - 1, local.minusHours(1), local.plusHours(1));
    hours(closed, today, local.plusHours(2), local.plusHours(3));

    List<String> openNow =
        pageThrough(town, "&openNow=true", 100).stream()
            .map(card -> card.get("id").asText())
            .toList();

    assertThat(openNow).contains(open.toString()).doesNotContain(closed.toString());
  }

  @Test
  void drafts_never_appear_and_bad_parameters_are_400() {
    assertThat(pageThrough(towns.get(0), "&q=" + encode("shop"), 100))
        .noneMatch(card -> card.get("name").asText().matches("Shop (10|20|30) of town 0"));
    assertThat(get("/api/towns/" + towns.get(0) + "/businesses?cursor=garbage", null).statusCode())
        .isEqualTo(400);
    assertThat(
            get("/api/towns/" + towns.get(0) + "/businesses?category=SPACESHIPS", null)
                .statusCode())
        .isEqualTo(400);
    assertThat(get("/api/towns/" + towns.get(0) + "/businesses?limit=1000", null).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/towns/no-such-town/businesses", null).statusCode()).isEqualTo(404);
  }

  /** Counted straight from the table, independently of the search. */
  private int publishedIn(String townSlug, String category) {
    return jdbc.sql(
            """
            SELECT count(*) FROM businesses b JOIN towns t ON t.id = b.town_id
            WHERE t.slug = :slug AND b.status = 'PUBLISHED' AND b.category = :category
            """)
        .param("slug", townSlug)
        .param("category", category)
        .query(Integer.class)
        .single();
  }

  private List<JsonNode> pageThrough(String town, String query, int limit) {
    List<JsonNode> cards = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page =
          get(
              "/api/towns/"
                  + town
                  + "/businesses?limit="
                  + limit
                  + query
                  + (cursor == null ? "" : "&cursor=" + cursor),
              null);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      read(page).get("items").forEach(cards::add);
      JsonNode next = read(page).get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
      assertThat(cards.size()).as("pagination ends").isLessThan(10_000);
    } while (cursor != null);
    return cards;
  }

  private UUID insert(String townSlug, String name, String description, boolean featured) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO businesses (id, town_id, owner_id, name, category, description, status, featured)
            SELECT :id, t.id, :ownerId, :name, 'GIFTS', :description, 'PUBLISHED', :featured FROM towns t WHERE t.slug = :slug
            """)
        .param("id", id)
        .param("ownerId", ownerId)
        .param("name", name)
        .param("description", description)
        .param("featured", featured)
        .param("slug", townSlug)
        .update();
    return id;
  }

  private void hours(UUID businessId, int weekday, LocalTime opens, LocalTime closes) {
    jdbc.sql(
            "INSERT INTO business_opening_hours (business_id, weekday, opens, closes) VALUES (:id, :day, :opens, :closes)")
        .param("id", businessId)
        .param("day", weekday)
        .param("opens", java.sql.Time.valueOf(opens))
        .param("closes", java.sql.Time.valueOf(closes))
        .update();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
