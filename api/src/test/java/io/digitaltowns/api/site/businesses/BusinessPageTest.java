package io.digitaltowns.api.site.businesses;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.site.SiteClient;
import io.digitaltowns.api.site.SitePageTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessPageTest extends SitePageTest {

  private Member admin;
  private Member owner;
  private UUID townId;
  private String slug;

  @BeforeEach
  void aTown() {
    admin = admin();
    owner = registerAndSignIn("business-owner");
    slug = uniqueSlug("business-pages");
    townId = createTown(admin, slug, "Pacific/Auckland");
  }

  @Test
  void the_business_page_shows_open_now_the_week_the_map_link_phone_website_and_preview_tags() {
    UUID id =
        publishedListing(
            owner, admin, townId, "Harbour Bakery", "Bread & <b>cakes</b> by the harbour", true);

    HttpResponse<String> page = browser().get("/businesses/" + id);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Harbour Bakery", "Open now", "Monday", "Sunday", "Pacific/Auckland")
        .contains("https://www.openstreetmap.org/?mlat=51.500000&amp;mlon=-0.120000")
        .contains("href=\"tel:+442079460000\"", "href=\"https://example.org/Harbour-Bakery\"")
        .contains("<meta property=\"og:title\" content=\"Harbour Bakery in Town " + slug + "\"")
        .contains("Bread &amp; &lt;b&gt;cakes&lt;/b&gt;")
        .doesNotContain("<b>cakes</b>");
  }

  @Test
  void a_listing_without_hours_says_so_and_is_not_open_now() {
    UUID id = publishedListing(owner, admin, townId, "Quiet Corner", "Books", false);

    String body = browser().get("/businesses/" + id).body();

    assertThat(body).contains("has not given its opening hours").doesNotContain("Open now");
  }

  @Test
  void a_confirmed_resident_sends_a_message_that_becomes_a_business_contacted_event() {
    UUID id = publishedListing(owner, admin, townId, "Reply Cafe", "Coffee", true);
    Member resident = registerAndSignIn("writer");
    confirmAddress(resident);
    SiteClient browser = signedIn(resident);

    HttpResponse<String> sent =
        browser.submit(
            "/businesses/" + id,
            "/businesses/" + id + "/contact",
            Map.of("message", "Do you have oat milk?"));

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    assertThat(browser.get("/businesses/" + id + "?sent=1").body())
        .contains("Your message is on its way");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = 'BusinessContacted'")
                .param("id", id.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void a_resident_whose_address_is_not_confirmed_gets_no_contact_form_and_cannot_post_one() {
    UUID id = publishedListing(owner, admin, townId, "Strict Shop", "Tools", true);
    SiteClient browser = signedIn(registerAndSignIn("unconfirmed"));

    assertThat(browser.get("/businesses/" + id).body())
        .contains("Confirm your email address")
        .doesNotContain("Send the message");
    HttpResponse<String> refused =
        browser.submit(
            "/businesses/" + id, "/businesses/" + id + "/contact", Map.of("message", "Hello?"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = 'BusinessContacted'")
                .param("id", id.toString())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_visitor_is_asked_to_sign_in_to_write() {
    UUID id = publishedListing(owner, admin, townId, "Open Door", "Shoes", true);

    assertThat(browser().get("/businesses/" + id).body())
        .contains("/sign-in?next=/businesses/" + id);
  }

  @Test
  void an_unknown_or_unpublished_business_is_the_404_page() {
    assertThat(browser().get("/businesses/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(browser().get("/businesses/not-a-uuid").statusCode()).isEqualTo(400);
  }

  @Test
  void the_sitemap_lists_published_businesses_and_the_town() {
    UUID id = publishedListing(owner, admin, townId, "Mapped Shop", "Maps", true);

    HttpResponse<String> sitemap = browser().get("/sitemap.xml");

    assertThat(sitemap.statusCode()).isEqualTo(200);
    assertThat(sitemap.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("xml"));
    assertThat(sitemap.body())
        .contains(
            "<loc>http://localhost:8080/businesses/" + id + "</loc>",
            "<loc>http://localhost:8080/towns/" + slug + "</loc>");
  }
}
