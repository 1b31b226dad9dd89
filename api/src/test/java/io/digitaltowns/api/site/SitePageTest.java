package io.digitaltowns.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.util.Map;
import java.util.UUID;

/**
 * Page tests over plain HTTP (a browser without JavaScript, {@link SiteClient}). The world they look at (towns,
 * published listings) is set up through the JSON API, as an owner and an admin would.
 */
public abstract class SitePageTest extends ApiHttpTest {

  protected SiteClient browser() {
    return new SiteClient(port);
  }

  /** A browser signed in as a new resident; {@code confirmed} marks the address as proven. */
  protected SiteClient signedIn(Member member) {
    SiteClient browser = browser();
    HttpResponse<String> signedIn = browser.submit("/sign-in", "/sign-in",
        Map.of("email", member.email(), "password", member.password(), "next", "/"));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    return browser;
  }

  protected void confirmAddress(Member member) {
    jdbc.sql("UPDATE users SET email_verified = true WHERE id = :id").param("id", member.id()).update();
  }

  /** A listing in the town, published by an admin, open around the clock or never (no hours). */
  protected UUID publishedListing(Member owner, Member admin, UUID townId, String name, String description,
                                  boolean alwaysOpen) {
    UUID id = submittedListing(owner, townId, name, description, alwaysOpen);
    assertThat(post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null).statusCode()).isEqualTo(200);
    return id;
  }

  /** A listing in the town, submitted for review by its owner, open around the clock or never (no hours). */
  protected UUID submittedListing(Member owner, UUID townId, String name, String description, boolean alwaysOpen) {
    ObjectNode listing = json().put("townId", townId.toString()).put("name", name).put("category", "BAKERY")
        .put("description", description).put("address", "1 Market Square").put("phone", "+44 20 7946 0000")
        .put("website", "https://example.org/" + name.replace(' ', '-'));
    if (alwaysOpen) {
      ObjectNode hours = listing.putObject("openingHours");
      for (DayOfWeek day : DayOfWeek.values()) {
        // two periods that meet at noon and midnight: open at every minute of every day
        ArrayNode periods = hours.putArray(day.name());
        periods.addObject().put("opens", "00:00").put("closes", "12:00");
        periods.addObject().put("opens", "12:00").put("closes", "00:00");
      }
    }
    listing.putObject("location").put("latitude", 51.5).put("longitude", -0.12);
    HttpResponse<String> created = post("/api/businesses", owner.accessToken(), listing);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    UUID id = UUID.fromString(read(created).get("id").asText());
    assertThat(post("/api/businesses/" + id + "/submit", owner.accessToken(), null).statusCode()).isEqualTo(200);
    return id;
  }

  protected static String uniqueSlug(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
