package io.digitaltowns.api.towns;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TownsTest extends ApiHttpTest {

  @Test
  void an_admin_creates_a_town_that_everyone_can_see() {
    Member admin = admin();
    String slug = "town-" + UUID.randomUUID().toString().substring(0, 8);

    UUID id = createTown(admin, slug, "Europe/Paris");

    HttpResponse<String> page = get("/api/towns/" + slug, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(read(page).get("timezone").asText()).isEqualTo("Europe/Paris");
    assertThat(read(get("/api/towns", null)).findValuesAsText("slug")).contains(slug);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = 'TownCreated'")
                .param("id", id.toString())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void an_admin_edits_a_town_and_a_taken_slug_is_a_conflict() {
    Member admin = admin();
    String slug = "edit-" + UUID.randomUUID().toString().substring(0, 8);
    String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
    UUID id = createTown(admin, slug, "Europe/London");
    createTown(admin, other, "Europe/London");

    HttpResponse<String> renamed =
        put(
            "/api/admin/towns/" + id,
            admin.accessToken(),
            json().put("name", "Renamed").put("slug", slug).put("timezone", "Europe/Berlin"));
    HttpResponse<String> clash =
        put(
            "/api/admin/towns/" + id,
            admin.accessToken(),
            json().put("name", "Renamed").put("slug", other).put("timezone", "Europe/Berlin"));

    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(read(get("/api/towns/" + slug, null)).get("name").asText()).isEqualTo("Renamed");
    assertThat(clash.statusCode()).isEqualTo(409);
    assertThat(read(clash).get("errors").findValuesAsText("field")).containsExactly("slug");
  }

  @Test
  void a_town_with_an_unknown_time_zone_or_a_bad_slug_is_refused() {
    Member admin = admin();

    HttpResponse<String> response =
        post(
            "/api/admin/towns",
            admin.accessToken(),
            json()
                .put("name", "Nowhere")
                .put("slug", "Not A Slug")
                .put("timezone", "Mars/Olympus"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").findValuesAsText("field")).contains("slug", "timezone");
  }

  @Test
  void residents_may_not_create_towns_and_unknown_towns_are_404() {
    Member resident = registerAndSignIn("townless");

    assertThat(
            post(
                    "/api/admin/towns",
                    resident.accessToken(),
                    json().put("name", "X").put("slug", "x-town").put("timezone", "Europe/London"))
                .statusCode())
        .isEqualTo(403);
    assertThat(get("/api/towns/no-such-town", null).statusCode()).isEqualTo(404);
  }
}
