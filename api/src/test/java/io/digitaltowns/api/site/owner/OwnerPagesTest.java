package io.digitaltowns.api.site.owner;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.site.SiteClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owners' pages as a browser without JavaScript uses them: plain forms, redirects, error pages. */
class OwnerPagesTest extends ApiHttpTest {

  private Member admin;
  private UUID townId;
  private SiteClient browser;
  private Member owner;

  @BeforeEach
  void aSignedInOwnerAndATown() {
    admin = admin();
    townId = createTown(admin, "owner-pages-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    owner = registerAndSignIn("owner-pages");
    browser = signedIn(owner);
  }

  private SiteClient signedIn(Member member) {
    SiteClient client = new SiteClient(port);
    HttpResponse<String> signedIn = client.submit("/sign-in", "/sign-in",
        Map.of("email", member.email(), "password", member.password(), "next", "/my/businesses"));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    return client;
  }

  private Map<String, String> listing(String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("townId", townId.toString());
    fields.put("category", "BAKERY");
    fields.put("description", "Bread and buns.");
    fields.put("phone", "+44 20 7946 0000");
    fields.put("opens-MONDAY-1", "08:00");
    fields.put("closes-MONDAY-1", "17:00");
    return fields;
  }

  private UUID createThroughThePage(String name) {
    HttpResponse<String> created = browser.submit("/my/businesses/new", "/my/businesses", listing(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    return UUID.fromString(location.replaceAll(".*/my/businesses/", ""));
  }

  @Test
  void a_listing_created_through_the_form_is_a_draft_with_its_opening_hours() {
    UUID id = createThroughThePage("Form Bakery");

    HttpResponse<String> edit = browser.get("/my/businesses/" + id);
    assertThat(edit.body()).contains("saved as a draft", "Draft", "value=\"08:00\"", "value=\"17:00\"");
    var api = read(get("/api/businesses/" + id, owner.accessToken()));
    assertThat(api.get("status").asText()).isEqualTo("DRAFT");
    assertThat(api.get("openingHours").get("MONDAY").get(0).get("opens").asText()).startsWith("08:00");
  }
}
