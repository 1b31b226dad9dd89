package io.digitaltowns.api.site.towns;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TownPageTest extends SitePageTest {

  private static final Pattern MORE = Pattern.compile("href=\"(/towns/[^\"]+cursor=[^\"]+)\"");

  private Member admin;
  private Member owner;
  private String slug;
  private UUID townId;

  @BeforeEach
  void aTown() {
    admin = admin();
    owner = registerAndSignIn("town-owner");
    slug = uniqueSlug("pages");
    townId = createTown(admin, slug, "Europe/London");
  }

  @Test
  void a_word_of_the_description_with_open_now_finds_the_open_business_and_not_the_closed_one() {
    publishedListing(
        owner, admin, townId, "Crumb and Co", "Sourdough and rye loaves baked daily", true);
    publishedListing(owner, admin, townId, "Night Oven", "Sourdough only on Sundays", false);

    HttpResponse<String> page = browser().get("/towns/" + slug + "?q=sourdough&openNow=true");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Crumb and Co").doesNotContain("Night Oven");
    assertThat(browser().get("/towns/" + slug + "?q=sourdough").body())
        .contains("Crumb and Co", "Night Oven");
  }

  @Test
  void show_more_pages_with_a_plain_link_and_with_htmx_appends_only_the_next_items() {
    for (int i = 0; i < TownPageController.PAGE_SIZE + 1; i++) {
      publishedListing(owner, admin, townId, "Shop %02d".formatted(i), "A shop", false);
    }
    SiteClient browser = browser();

    HttpResponse<String> first = browser.get("/towns/" + slug);
    assertThat(first.body()).contains("Shop 00", "Shop 19").doesNotContain("Shop 20");
    Matcher more = MORE.matcher(first.body());
    assertThat(more.find()).as("a show-more link").isTrue();
    String next = more.group(1).replace("&amp;", "&");

    HttpResponse<String> plain = browser.get(next);
    assertThat(plain.body()).contains("<html", "Shop 20").doesNotContain("Shop 19");

    HttpResponse<String> partial = browser.getWith(next, "HX-Request", "true");
    assertThat(partial.body()).contains("Shop 20").doesNotContain("<html", "Shop 19");
  }

  @Test
  void the_town_page_carries_a_title_a_description_and_open_graph_tags() {
    String body = browser().get("/towns/" + slug).body();

    assertThat(body)
        .contains(
            "<title>Businesses in Town " + slug,
            "<meta name=\"description\"",
            "<meta property=\"og:title\"",
            "<meta property=\"og:url\" content=\"http://localhost:8080/towns/" + slug + "\"");
  }

  @Test
  void the_town_page_is_gzipped_for_a_browser_that_asks_and_plain_for_one_that_does_not() {
    HttpResponse<String> plain = browser().get("/towns/" + slug);
    HttpResponse<String> gzipped = browser().getWith("/towns/" + slug, "Accept-Encoding", "gzip");

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body()).contains("<html");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  @Test
  void an_unknown_town_is_the_404_page() {
    HttpResponse<String> missing = browser().get("/towns/no-such-town-" + UUID.randomUUID());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found");
  }

  @Test
  void a_forged_cursor_is_a_400_page_not_a_problem_body() {
    HttpResponse<String> forged = browser().get("/towns/" + slug + "?cursor=not-a-cursor");

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("<html").doesNotContain("\"detail\"");
  }
}
