package io.digitaltowns.api.site.owner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeStub;
import io.digitaltowns.api.site.SiteClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The owners' pages as a browser without JavaScript uses them: plain forms, redirects, error pages.
 */
class OwnerPagesTest extends ApiHttpTest {

  private Member admin;
  private UUID townId;
  private SiteClient browser;
  private Member owner;

  @BeforeEach
  void aSignedInOwnerAndATown() {
    admin = admin();
    townId =
        createTown(
            admin, "owner-pages-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
    owner = registerAndSignIn("owner-pages");
    browser = signedIn(owner);
  }

  private SiteClient signedIn(Member member) {
    SiteClient client = new SiteClient(port);
    HttpResponse<String> signedIn =
        client.submit(
            "/sign-in",
            "/sign-in",
            Map.of(
                "email", member.email(), "password", member.password(), "next", "/my/businesses"));
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
    HttpResponse<String> created =
        browser.submit("/my/businesses/new", "/my/businesses", listing(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    return UUID.fromString(location.replaceAll(".*/my/businesses/", ""));
  }

  @Test
  void a_listing_created_through_the_form_is_a_draft_with_its_opening_hours() {
    UUID id = createThroughThePage("Form Bakery");

    HttpResponse<String> edit = browser.get("/my/businesses/" + id);
    assertThat(edit.body())
        .contains("saved as a draft", "Draft", "value=\"08:00\"", "value=\"17:00\"");
    var api = read(get("/api/businesses/" + id, owner.accessToken()));
    assertThat(api.get("status").asText()).isEqualTo("DRAFT");
    assertThat(api.get("openingHours").get("MONDAY").get(0).get("opens").asText())
        .startsWith("08:00");
  }

  @Test
  void
      a_form_with_a_bad_phone_and_half_an_opening_period_is_shown_again_with_both_errors_and_nothing_is_created() {
    Map<String, String> fields = listing("Broken Bakery");
    fields.put("phone", "call me maybe");
    fields.put("opens-TUESDAY-1", "09:00");

    HttpResponse<String> refused = browser.submit("/my/businesses/new", "/my/businesses", fields);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "Please correct the fields",
            "may contain digits",
            "give both times of this period",
            "value=\"Broken Bakery\"");
    assertThat(read(get("/api/my/businesses", owner.accessToken()))).isEmpty();
  }

  @Test
  void a_form_still_posts_after_its_page_has_loaded_its_stylesheet_and_script() {
    // each request of a signed-in browser used to count as a new sign-in and replace the session's
    // CSRF token, so
    // the token of a page was stale once its stylesheet had loaded: every owner form answered 403
    HttpResponse<String> form = browser.get("/my/businesses/new");
    String token = csrfOf(form.body());
    assertThat(browser.get("/site/site.css").statusCode()).isEqualTo(200);
    assertThat(browser.get("/site/photo-upload.js").statusCode()).isEqualTo(200);
    Map<String, String> fields = listing("Asset Bakery");
    fields.put("_csrf", token);

    HttpResponse<String> created = browser.post("/my/businesses", fields);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
  }

  @Test
  void without_javascript_the_owner_reorders_chooses_the_cover_and_deletes_photos()
      throws Exception {
    UUID id = createThroughThePage("Photo Bakery");
    UUID first = uploadedPhoto(id);
    UUID second = uploadedPhoto(id);
    UUID third = uploadedPhoto(id);
    String photos = "/my/businesses/" + id + "/photos";

    HttpResponse<String> page = browser.get(photos);
    assertThat(page.body())
        .contains("Uploading photos needs JavaScript", "Make photo 2 the cover", "Delete photo 3");
    assertThat(
            browser
                .submit(photos, photos + "/" + third + "/move", Map.of("direction", "up"))
                .statusCode())
        .isEqualTo(302);
    assertThat(browser.submit(photos, photos + "/" + second + "/cover", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(browser.submit(photos, photos + "/" + first + "/delete", Map.of()).statusCode())
        .isEqualTo(302);

    var left = read(get("/api/businesses/" + id + "/photos", owner.accessToken()));
    assertThat(left).hasSize(2);
    assertThat(left.get(0).get("id").asText()).isEqualTo(third.toString());
    assertThat(left.get(1).get("id").asText()).isEqualTo(second.toString());
    assertThat(left.get(1).get("cover").asBoolean()).isTrue();
    assertThat(browser.get(photos).body()).contains("Photo deleted.");
  }

  @Test
  void the_upload_calls_of_the_photos_page_need_its_csrf_token_and_answer_problems_as_json() {
    UUID id = createThroughThePage("Upload Bakery");
    String uploads = "/my/businesses/" + id + "/photos/uploads";

    HttpResponse<String> forged =
        browser.postJson(uploads, "{\"contentType\":\"image/jpeg\",\"sizeBytes\":100}", null);
    assertThat(forged.statusCode()).isEqualTo(403);

    String token = csrfOf(browser.get("/my/businesses/" + id + "/photos").body());
    HttpResponse<String> notAnImage =
        browser.postJson(uploads, "{\"contentType\":\"text/html\",\"sizeBytes\":100}", token);
    assertThat(notAnImage.statusCode()).isEqualTo(400);
    assertThat(notAnImage.headers().firstValue("Content-Type").orElse("")).contains("json");
    assertThat(read(notAnImage).get("detail").asText()).contains("contentType");

    HttpResponse<String> ticket =
        browser.postJson(uploads, "{\"contentType\":\"image/jpeg\",\"sizeBytes\":100}", token);
    assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(201);
    assertThat(read(ticket).get("uploadUrl").asText()).startsWith("http");
  }

  @Test
  void someone_elses_draft_is_a_404_page_and_their_published_listing_a_403_page() {
    UUID id = createThroughThePage("Private Bakery");
    SiteClient stranger = signedIn(registerAndSignIn("stranger"));

    HttpResponse<String> draft = stranger.get("/my/businesses/" + id);
    assertThat(draft.statusCode()).isEqualTo(404);
    assertThat(draft.body()).doesNotContain("Private Bakery");
    assertThat(stranger.get("/my/businesses/" + id + "/photos").statusCode()).isEqualTo(404);

    browser.submit("/my/businesses/" + id, "/my/businesses/" + id + "/submit", Map.of());
    assertThat(
            post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    assertThat(stranger.get("/my/businesses/" + id).statusCode()).isEqualTo(403);
    assertThat(stranger.get("/my/businesses/" + id + "/subscription").statusCode()).isEqualTo(403);
    HttpResponse<String> unpublish =
        stranger.submit("/", "/my/businesses/" + id + "/unpublish", Map.of());
    assertThat(unpublish.statusCode()).isEqualTo(403);
    assertThat(read(get("/api/businesses/" + id, null)).get("status").asText())
        .isEqualTo("PUBLISHED");
  }

  @Test
  void
      my_businesses_shows_each_status_with_the_rejection_reason_and_the_owner_can_submit_and_unpublish() {
    UUID rejected = createThroughThePage("Rejected Bakery");
    UUID published = createThroughThePage("Published Bakery");
    browser.submit(
        "/my/businesses/" + rejected, "/my/businesses/" + rejected + "/submit", Map.of());
    browser.submit(
        "/my/businesses/" + published, "/my/businesses/" + published + "/submit", Map.of());
    assertThat(
            post(
                    "/api/admin/businesses/" + rejected + "/reject",
                    admin.accessToken(),
                    json().put("reason", "The photos show another shop"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/admin/businesses/" + published + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    createThroughThePage("Draft Bakery");

    String mine = browser.get("/my/businesses").body();
    assertThat(mine)
        .contains(
            "Draft Bakery",
            "Draft",
            "Rejected",
            "Reason: The photos show another shop",
            "Published");

    HttpResponse<String> unpublished =
        browser.submit(
            "/my/businesses/" + published, "/my/businesses/" + published + "/unpublish", Map.of());
    assertThat(unpublished.statusCode()).isEqualTo(302);
    assertThat(browser.get("/my/businesses/" + published).body())
        .contains("Unpublished", "Submit for review");
    assertThat(get("/api/businesses/" + published, null).statusCode()).isEqualTo(404);
  }

  @Test
  void the_subscription_page_shows_the_status_and_subscribe_goes_to_stripe_checkout() {
    UUID id = createThroughThePage("Paying Bakery");
    String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    String sessionId = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
    var stripe = StripeStub.shared();
    stripe.stubFor(
        WireMock.post(urlEqualTo("/v1/customers"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        StripeObjects.customer(
                            customerId, owner.email(), "Paying Bakery", id.toString()))));
    stripe.stubFor(
        WireMock.post(urlEqualTo("/v1/checkout/sessions"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        StripeObjects.checkoutSession(sessionId, customerId, id.toString()))));
    String page = "/my/businesses/" + id + "/subscription";

    assertThat(browser.get(page).body()).contains("Status: No subscription", "Subscribe");
    HttpResponse<String> subscribe = browser.submit(page, page + "/checkout", Map.of());

    assertThat(subscribe.statusCode()).isEqualTo(302);
    assertThat(subscribe.headers().firstValue("Location").orElseThrow())
        .startsWith("https://checkout.stripe.com/c/pay/" + sessionId);
    assertThat(browser.get(page + "?checkout=success&session_id=" + sessionId).body())
        .contains("Stripe has your payment details")
        .contains("Status: Payment being confirmed")
        .contains("hx-trigger=\"every 2s\"");
    assertThat(browser.get(page + "?checkout=canceled").body()).contains("Checkout was canceled");
  }

  /**
   * A photo attached the way the page's script does it: presigned URL, PUT to the store, confirm.
   */
  private UUID uploadedPhoto(UUID business) throws Exception {
    byte[] jpeg = SmallJpegs.photo(java.awt.Color.DARK_GRAY, "Photo");
    var ticket =
        read(
            post(
                "/api/businesses/" + business + "/photos/upload-url",
                owner.accessToken(),
                json().put("contentType", "image/jpeg").put("sizeBytes", jpeg.length)));
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asText()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg));
    ticket
        .get("headers")
        .properties()
        .forEach(header -> put.header(header.getKey(), header.getValue().asText()));
    assertThat(send(put, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    UUID photoId = UUID.fromString(ticket.get("photoId").asText());
    HttpResponse<String> confirmed =
        post(
            "/api/businesses/" + business + "/photos/" + photoId + "/confirm",
            owner.accessToken(),
            null);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    return photoId;
  }

  private static String csrfOf(String html) {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).as("the page carries a CSRF token").isTrue();
    return token.group(1);
  }
}
