package io.digitaltowns.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * Page tests over plain HTTP (a browser without JavaScript, {@link SiteClient}). The world they
 * look at (towns, published listings) is set up through the JSON API, as an owner and an admin
 * would.
 */
public abstract class SitePageTest extends ApiHttpTest {

  protected SiteClient browser() {
    return new SiteClient(port);
  }

  /** A browser signed in as a new resident; {@code confirmed} marks the address as proven. */
  protected SiteClient signedIn(Member member) {
    SiteClient browser = browser();
    HttpResponse<String> signedIn =
        browser.submit(
            "/sign-in",
            "/sign-in",
            Map.of("email", member.email(), "password", member.password(), "next", "/"));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    return browser;
  }

  protected void confirmAddress(Member member) {
    jdbc.sql("UPDATE users SET email_verified = true WHERE id = :id")
        .param("id", member.id())
        .update();
  }

  /** A listing in the town, published by an admin, open around the clock or never (no hours). */
  protected UUID publishedListing(
      Member owner,
      Member admin,
      UUID townId,
      String name,
      String description,
      boolean alwaysOpen) {
    UUID id = submittedListing(owner, townId, name, description, alwaysOpen);
    assertThat(
            post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  protected static String uniqueSlug(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
