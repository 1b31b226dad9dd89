package io.digitaltowns.api.businesses.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.infra.LocalStack;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Photos of a listing, uploaded straight to the real S3-compatible store with presigned URLs. */
class BusinessPhotosTest extends ApiHttpTest {

  private static final String BUCKET = "digitaltowns-photos";

  /** a 1x1 lossless WebP */
  private static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  /** the test's own look into the store, independent of the api's client */
  private static S3Client s3;

  private Member admin;
  private Member owner;
  private UUID townId;

  @BeforeAll
  static void storeClient() {
    LocalStack stack = LocalStack.shared();
    s3 =
        S3Client.builder()
            .endpointOverride(URI.create(stack.s3Endpoint()))
            .region(Region.of(stack.s3Region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(stack.s3AccessKey(), stack.s3SecretKey())))
            .forcePathStyle(true)
            .build();
  }

  @AfterAll
  static void closeStoreClient() {
    s3.close();
  }

  @BeforeEach
  void townWithAnOwner() {
    admin = admin();
    owner = registerAndSignIn("photographer");
    townId =
        createTown(
            admin, "photos-" + UUID.randomUUID().toString().substring(0, 8), "Europe/London");
  }

  @Test
  void a_jpeg_and_a_png_are_uploaded_confirmed_and_listed_with_urls_serving_the_same_pictures()
      throws Exception {
    UUID business = createListing("Picture Framers");
    byte[] jpeg = image("jpg", Color.RED);
    byte[] png = image("png", Color.BLUE);

    JsonNode first = upload(owner, business, jpeg, "image/jpeg");
    JsonNode second = upload(owner, business, png, "image/png");

    assertThat(first.get("position").asInt()).isZero();
    assertThat(first.get("cover").asBoolean()).isTrue();
    assertThat(second.get("position").asInt()).isEqualTo(1);
    assertThat(second.get("cover").asBoolean()).isFalse();
    JsonNode listed = read(get(photosPath(business), owner.accessToken()));
    assertThat(listed).hasSize(2);
    assertThat(listed.findValuesAsText("id"))
        .containsExactly(first.get("id").asText(), second.get("id").asText());
    assertThat(listed.get(0).get("contentType").asText()).isEqualTo("image/jpeg");
    HttpResponse<byte[]> servedJpeg = fetchResponse(listed.get(0).get("url").asText());
    HttpResponse<byte[]> servedPng = fetchResponse(listed.get(1).get("url").asText());
    // the pixels come back, re-encoded: the size shown is the size served
    assertThat(listed.get(0).get("sizeBytes").asLong()).isEqualTo(servedJpeg.body().length);
    assertThat(listed.get(1).get("sizeBytes").asLong()).isEqualTo(servedPng.body().length);
    assertThat(colourOf(servedJpeg.body())).isEqualTo(colourOf(jpeg));
    assertThat(servedPng.body())
        .isEqualTo(png); // lossless and without metadata already: the same file
    assertThat(servedJpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(servedJpeg.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"photo.jpg\"");
    assertThat(servedPng.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(servedPng.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"photo.png\"");
    assertThat(events(business, "BusinessPhotoAdded")).isEqualTo(2);
  }

  @Test
  void a_webp_is_refused_since_it_cannot_be_decoded_and_written_anew() {
    UUID business = createListing("Web Shop");

    HttpResponse<String> refused = requestUpload(owner, business, "image/webp", WEBP.length);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(read(refused).get("errors").findValuesAsText("field"))
        .containsExactly("contentType");
    assertThat(rows(business)).isZero();
  }

  @Test
  void only_jpeg_png_and_webp_files_of_a_sensible_size_may_be_uploaded() {
    UUID business = createListing("Gif Emporium");
    long tenMegabytes = 10L * 1024 * 1024;

    HttpResponse<String> gif = requestUpload(owner, business, "image/gif", 1000);
    HttpResponse<String> empty = requestUpload(owner, business, "image/png", 0);
    HttpResponse<String> negative = requestUpload(owner, business, "image/png", -5);
    HttpResponse<String> tooLarge = requestUpload(owner, business, "image/jpeg", tenMegabytes + 1);
    HttpResponse<String> nothing =
        post(photosPath(business) + "/upload-url", owner.accessToken(), json());

    assertThat(gif.statusCode()).isEqualTo(400);
    assertThat(gif.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(read(gif).get("errors").findValuesAsText("field")).containsExactly("contentType");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(read(tooLarge).get("errors").findValuesAsText("field")).containsExactly("sizeBytes");
    assertThat(read(nothing).get("errors").findValuesAsText("field"))
        .containsExactly("contentType", "sizeBytes");
    assertThat(requestUpload(owner, business, "image/jpeg", tenMegabytes).statusCode())
        .isEqualTo(201);
    assertThat(rows(business)).isEqualTo(1);
  }

  @Test
  void the_upload_url_is_a_signed_put_of_the_declared_type_and_size_only() throws Exception {
    UUID business = createListing("Strict Uploads");
    byte[] png = image("png", Color.GREEN);
    JsonNode ticket = read(requestUpload(owner, business, "image/png", png.length));

    assertThat(ticket.get("method").asText()).isEqualTo("PUT");
    assertThat(ticket.get("headers").get("Content-Type").asText()).isEqualTo("image/png");
    assertThat(ticket.get("uploadUrl").asText()).contains("X-Amz-Signature=");
    assertThat(ticket.get("expiresAt").asText()).isNotBlank();

    HttpResponse<String> otherType =
        putBytes(ticket.get("uploadUrl").asText(), Map.of("Content-Type", "image/jpeg"), png);
    HttpResponse<String> otherSize =
        putBytes(ticket.get("uploadUrl").asText(), headers(ticket), concat(png, new byte[10]));

    assertThat(otherType.statusCode()).isEqualTo(403);
    assertThat(otherSize.statusCode()).isEqualTo(403);
    assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), png).statusCode())
        .isEqualTo(200);
  }

  @Test
  void confirming_before_the_file_was_uploaded_is_refused_and_the_upload_may_still_follow() {
    UUID business = createListing("Slow Uploads");
    byte[] jpeg = image("jpg", Color.ORANGE);
    JsonNode ticket = read(requestUpload(owner, business, "image/jpeg", jpeg.length));
    String confirmPath = photosPath(business) + "/" + ticket.get("photoId").asText() + "/confirm";

    HttpResponse<String> early = post(confirmPath, owner.accessToken(), null);

    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(read(early).get("detail").asText()).containsIgnoringCase("upload not found");
    assertThat(read(early).get("reason").asText()).isEqualTo("upload-not-found");
    assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), jpeg).statusCode())
        .isEqualTo(200);
    HttpResponse<String> confirmed = post(confirmPath, owner.accessToken(), null);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    // confirming again changes nothing
    assertThat(post(confirmPath, owner.accessToken(), null).statusCode()).isEqualTo(200);
    assertThat(events(business, "BusinessPhotoAdded")).isEqualTo(1);
  }

  @Test
  void a_file_that_is_not_really_an_image_is_refused_and_removed() {
    UUID business = createListing("Honest Images");
    byte[] text =
        "<html><script>alert('not an image')</script></html>".getBytes(StandardCharsets.UTF_8);
    JsonNode ticket = read(requestUpload(owner, business, "image/png", text.length));
    UUID photoId = UUID.fromString(ticket.get("photoId").asText());
    String key = objectKey(business, photoId);
    assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), text).statusCode())
        .isEqualTo(200);
    assertThat(exists(key)).isTrue();

    HttpResponse<String> refused =
        post(photosPath(business) + "/" + photoId + "/confirm", owner.accessToken(), null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(read(refused).get("detail").asText()).contains("not a JPEG/PNG image");
    assertThat(exists(key)).isFalse();
    assertThat(rows(business)).isZero();
    assertThat(
            post(photosPath(business) + "/" + photoId + "/confirm", owner.accessToken(), null)
                .statusCode())
        .isEqualTo(404);
    assertThat(events(business, "BusinessPhotoAdded")).isZero();
  }

  @Test
  void the_upload_url_used_again_after_confirmation_does_not_change_what_is_served()
      throws Exception {
    UUID business = createListing("Tamper Proof");
    byte[] jpeg = image("jpg", Color.RED);
    JsonNode ticket = read(requestUpload(owner, business, "image/jpeg", jpeg.length));
    String uploadKey = objectKey(business, UUID.fromString(ticket.get("photoId").asText()));
    assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), jpeg).statusCode())
        .isEqualTo(200);
    String confirmPath = photosPath(business) + "/" + ticket.get("photoId").asText() + "/confirm";
    assertThat(post(confirmPath, owner.accessToken(), null).statusCode()).isEqualTo(200);
    String url = read(get(photosPath(business), owner.accessToken())).get(0).get("url").asText();
    byte[] served = fetch(url);

    // the signed URL is still valid for minutes: an HTML page of the same length, dressed as a JPEG
    HttpResponse<String> overwritten =
        putBytes(ticket.get("uploadUrl").asText(), headers(ticket), htmlWithJpegStart(jpeg.length));

    assertThat(overwritten.statusCode())
        .as("the store takes it (the URL is not ours to revoke)")
        .isEqualTo(200);
    assertThat(fetch(url)).isEqualTo(served);
    assertThat(
            fetch(read(get(photosPath(business), owner.accessToken())).get(0).get("url").asText()))
        .as("a freshly listed URL too")
        .isEqualTo(served);
    assertThat(post(confirmPath, owner.accessToken(), null).statusCode()).isEqualTo(200);
    assertThat(fetch(url)).isEqualTo(served);
    String photoKey = objectKey(business, UUID.fromString(ticket.get("photoId").asText()));
    assertThat(photoKey).startsWith("photos/").isNotEqualTo(uploadKey);
    assertThat(events(business, "BusinessPhotoAdded")).isEqualTo(1);
  }

  @Test
  void
      an_html_page_behind_a_jpeg_start_is_refused_at_confirmation_and_nothing_half_written_remains() {
    UUID business = createListing("Polyglot Gallery");
    byte[] html = htmlWithJpegStart(400);
    JsonNode ticket = read(requestUpload(owner, business, "image/jpeg", html.length));
    UUID photoId = UUID.fromString(ticket.get("photoId").asText());
    assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), html).statusCode())
        .isEqualTo(200);

    HttpResponse<String> refused =
        post(photosPath(business) + "/" + photoId + "/confirm", owner.accessToken(), null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(read(refused).get("reason").asText()).isEqualTo("not-an-image");
    assertThat(storedObjects(business)).isEmpty();
    assertThat(rows(business)).isZero();
    assertThat(events(business, "BusinessPhotoAdded")).isZero();
  }

  @Test
  void the_gps_position_in_a_phone_photo_is_not_served() throws Exception {
    UUID business = createListing("Secret Location");
    byte[] phonePhoto = withExifGps(image("jpg", Color.GREEN));
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(phonePhoto)))
        .as("a JPEG that decodes")
        .isNotNull();
    assertThat(indexOf(phonePhoto, EXIF_HEADER)).as("the upload carries EXIF").isPositive();
    assertThat(indexOf(phonePhoto, GPS_LATITUDE)).as("and a GPS latitude").isPositive();

    JsonNode photo = upload(owner, business, phonePhoto, "image/jpeg");
    byte[] served = fetch(photo.get("url").asText());

    assertThat(indexOf(served, EXIF_HEADER)).isEqualTo(-1);
    assertThat(indexOf(served, GPS_LATITUDE)).isEqualTo(-1);
    assertThat(jpegMarkers(served)).doesNotContain(0xE1).contains(0xD8, 0xDB, 0xC0, 0xC4, 0xDA);
    assertThat(colourOf(served)).isEqualTo(colourOf(phonePhoto));
  }

  @Test
  void a_phone_photo_stored_sideways_is_served_turned_as_its_exif_orientation_says()
      throws Exception {
    UUID business = createListing("Upright Photos");
    BufferedImage sensor = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 16; x++) {
      for (int y = 0; y < 8; y++) {
        sensor.setRGB(x, y, (x < 8 ? Color.RED : Color.BLUE).getRGB());
      }
    }
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    assertThat(ImageIO.write(sensor, "jpg", stored)).isTrue();
    // orientation 6: shown turned 90 degrees clockwise, so the stored left half is the top
    byte[] phonePhoto = withExifOrientation(stored.toByteArray(), 6);

    JsonNode photo = upload(owner, business, phonePhoto, "image/jpeg");
    BufferedImage served =
        ImageIO.read(new java.io.ByteArrayInputStream(fetch(photo.get("url").asText())));

    assertThat(served.getWidth()).isEqualTo(8);
    assertThat(served.getHeight()).isEqualTo(16);
    assertThat(new Color(served.getRGB(4, 2)).getRed()).as("top is red").isGreaterThan(200);
    assertThat(new Color(served.getRGB(4, 13)).getBlue()).as("bottom is blue").isGreaterThan(200);
  }

  @Test
  void an_image_claiming_more_pixels_than_allowed_is_refused_without_being_decoded() {
    UUID business = createListing("Decompression Bomb");
    byte[] png = claimedSize(image("png", Color.BLUE), 20_000, 20_000);
    JsonNode ticket = read(requestUpload(owner, business, "image/png", png.length));
    UUID photoId = UUID.fromString(ticket.get("photoId").asText());
    assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), png).statusCode())
        .isEqualTo(200);

    HttpResponse<String> refused =
        post(photosPath(business) + "/" + photoId + "/confirm", owner.accessToken(), null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(read(refused).get("reason").asText()).isEqualTo("too-many-pixels");
    assertThat(read(refused).get("detail").asText()).contains("400000000 pixels");
    assertThat(storedObjects(business)).isEmpty();
    assertThat(rows(business)).isZero();
  }

  @Test
  void a_png_declared_as_a_jpeg_is_refused_and_removed() {
    UUID business = createListing("Mislabelled");
    byte[] png = image("png", Color.MAGENTA);
    JsonNode ticket = read(requestUpload(owner, business, "image/jpeg", png.length));
    UUID photoId = UUID.fromString(ticket.get("photoId").asText());
    String key = objectKey(business, photoId);
    putBytes(ticket.get("uploadUrl").asText(), headers(ticket), png);

    HttpResponse<String> refused =
        post(photosPath(business) + "/" + photoId + "/confirm", owner.accessToken(), null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(read(refused).get("reason").asText()).isEqualTo("type-mismatch");
    assertThat(exists(key)).isFalse();
  }

  @Test
  void a_file_of_another_size_than_declared_is_refused_and_removed() {
    UUID business = createListing("Wrong Sizes");
    byte[] jpeg = image("jpg", Color.PINK);
    JsonNode ticket = read(requestUpload(owner, business, "image/jpeg", jpeg.length + 100));
    UUID photoId = UUID.fromString(ticket.get("photoId").asText());
    String key = objectKey(business, photoId);
    // as a store that does not hold the client to the signed Content-Length would let it
    s3.putObject(
        put -> put.bucket(BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(jpeg));

    HttpResponse<String> refused =
        post(photosPath(business) + "/" + photoId + "/confirm", owner.accessToken(), null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(read(refused).get("reason").asText()).isEqualTo("size-mismatch");
    assertThat(exists(key)).isFalse();
    assertThat(rows(business)).isZero();
  }

  @Test
  void only_the_owner_or_an_admin_may_add_or_change_photos() {
    UUID published = publishedListing("Public Gallery");
    UUID draft = createListing("Private Gallery");
    Member stranger = registerAndSignIn("stranger");
    UUID strangersListing = createListing(stranger, "Stranger Things");
    JsonNode photo = upload(owner, published, image("jpg", Color.YELLOW), "image/jpeg");
    String photoPath = photosPath(published) + "/" + photo.get("id").asText();
    JsonNode pending = read(requestUpload(owner, published, "image/png", 100));
    String pendingId = pending.get("photoId").asText();

    assertThat(requestUpload(stranger, published, "image/jpeg", 100).statusCode()).isEqualTo(403);
    assertThat(requestUpload(stranger, draft, "image/jpeg", 100).statusCode()).isEqualTo(404);
    assertThat(requestUpload(null, published, "image/jpeg", 100).statusCode()).isEqualTo(401);
    assertThat(
            post(photosPath(published) + "/" + pendingId + "/confirm", stranger.accessToken(), null)
                .statusCode())
        .isEqualTo(403);
    // the stranger's own listing does not make the owner's photo theirs
    assertThat(
            post(
                    photosPath(strangersListing) + "/" + pendingId + "/confirm",
                    stranger.accessToken(),
                    null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            delete(
                    photosPath(strangersListing) + "/" + photo.get("id").asText(),
                    stranger.accessToken())
                .statusCode())
        .isEqualTo(404);
    // a photo of one listing is not a photo of another listing of the same owner
    assertThat(
            post(photosPath(draft) + "/" + pendingId + "/confirm", owner.accessToken(), null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            put(
                    photosPath(draft) + "/" + photo.get("id").asText() + "/cover",
                    owner.accessToken(),
                    json())
                .statusCode())
        .isEqualTo(404);
    assertThat(put(photoPath + "/cover", stranger.accessToken(), json()).statusCode())
        .isEqualTo(403);
    assertThat(
            put(
                    photosPath(published) + "/order",
                    stranger.accessToken(),
                    order(photo.get("id").asText()))
                .statusCode())
        .isEqualTo(403);
    assertThat(delete(photoPath, stranger.accessToken()).statusCode()).isEqualTo(403);
    assertThat(get(photosPath(draft), stranger.accessToken()).statusCode()).isEqualTo(404);

    JsonNode byAdmin = upload(admin, published, image("png", Color.CYAN), "image/png");
    assertThat(byAdmin.get("position").asInt()).isEqualTo(1);
    assertThat(delete(photoPath, admin.accessToken()).statusCode()).isEqualTo(204);
  }

  @Test
  void everyone_sees_the_photos_of_a_published_listing_but_only_its_owner_those_of_a_draft() {
    UUID published = publishedListing("Open Studio");
    UUID draft = createListing("Closed Studio");
    upload(owner, published, image("jpg", Color.BLACK), "image/jpeg");
    upload(owner, draft, image("jpg", Color.WHITE), "image/jpeg");
    read(requestUpload(owner, published, "image/png", 50));

    HttpResponse<String> anonymous = get(photosPath(published), null);

    assertThat(anonymous.statusCode()).isEqualTo(200);
    // the pending upload is not a photo yet
    assertThat(read(anonymous)).hasSize(1);
    assertThat(get(photosPath(draft), null).statusCode()).isEqualTo(404);
    assertThat(read(get(photosPath(draft), owner.accessToken()))).hasSize(1);
    assertThat(read(get(photosPath(draft), admin.accessToken()))).hasSize(1);
    assertThat(get(photosPath(UUID.randomUUID()), null).statusCode()).isEqualTo(404);
  }

  @Test
  void a_listing_takes_at_most_ten_photos() {
    UUID business = createListing("Busy Gallery");
    byte[] jpeg = image("jpg", Color.GRAY);
    List<JsonNode> tickets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tickets.add(read(requestUpload(owner, business, "image/jpeg", jpeg.length)));
    }
    // one more ticket handed out while there was still room
    JsonNode late = read(requestUpload(owner, business, "image/jpeg", jpeg.length));
    String lateKey = objectKey(business, UUID.fromString(late.get("photoId").asText()));
    for (JsonNode ticket : tickets) {
      assertThat(putBytes(ticket.get("uploadUrl").asText(), headers(ticket), jpeg).statusCode())
          .isEqualTo(200);
      assertThat(
              post(
                      photosPath(business) + "/" + ticket.get("photoId").asText() + "/confirm",
                      owner.accessToken(),
                      null)
                  .statusCode())
          .isEqualTo(200);
    }

    HttpResponse<String> eleventh = requestUpload(owner, business, "image/jpeg", jpeg.length);
    putBytes(late.get("uploadUrl").asText(), headers(late), jpeg);
    HttpResponse<String> lateConfirm =
        post(
            photosPath(business) + "/" + late.get("photoId").asText() + "/confirm",
            owner.accessToken(),
            null);

    assertThat(eleventh.statusCode()).isEqualTo(409);
    assertThat(read(eleventh).get("maxPhotos").asInt()).isEqualTo(10);
    assertThat(lateConfirm.statusCode()).isEqualTo(409);
    assertThat(exists(lateKey)).isFalse();
    assertThat(read(get(photosPath(business), owner.accessToken()))).hasSize(10);
  }

  @Test
  void a_listing_has_at_most_twenty_unconfirmed_uploads_at_a_time() {
    UUID business = createListing("Hoarded Tickets");
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> issued = requestUpload(owner, business, "image/png", 100);
      assertThat(issued.statusCode()).isEqualTo(201);
      tickets.add(read(issued).get("photoId").asText());
    }

    HttpResponse<String> oneMore = requestUpload(owner, business, "image/png", 100);

    assertThat(oneMore.statusCode()).isEqualTo(409);
    assertThat(read(oneMore).get("maxUnfinishedUploads").asInt()).isEqualTo(20);
    // cancelling one makes room again
    assertThat(
            delete(photosPath(business) + "/" + tickets.get(0), owner.accessToken()).statusCode())
        .isEqualTo(204);
    assertThat(requestUpload(owner, business, "image/png", 100).statusCode()).isEqualTo(201);
  }

  @Test
  void photos_are_reordered_and_any_of_them_made_the_cover() {
    UUID business = createListing("Arranged Gallery");
    String a = upload(owner, business, image("jpg", Color.RED), "image/jpeg").get("id").asText();
    String b = upload(owner, business, image("png", Color.GREEN), "image/png").get("id").asText();
    String c = upload(owner, business, image("jpg", Color.BLUE), "image/jpeg").get("id").asText();

    HttpResponse<String> reordered =
        put(photosPath(business) + "/order", owner.accessToken(), order(c, a, b));

    assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);
    assertThat(read(reordered).findValuesAsText("id")).containsExactly(c, a, b);
    assertThat(read(reordered).findValuesAsText("position")).containsExactly("0", "1", "2");
    assertThat(get(photosPath(business), null).statusCode())
        .isEqualTo(404); // a draft is not public
    assertThat(read(get(photosPath(business), owner.accessToken())).findValuesAsText("id"))
        .containsExactly(c, a, b);
    // the cover stays the cover wherever it goes
    assertThat(cover(read(reordered))).isEqualTo(a);

    assertThat(put(photosPath(business) + "/order", owner.accessToken(), order(c, a)).statusCode())
        .isEqualTo(400);
    assertThat(
            put(photosPath(business) + "/order", owner.accessToken(), order(c, a, a)).statusCode())
        .isEqualTo(400);
    assertThat(
            put(
                    photosPath(business) + "/order",
                    owner.accessToken(),
                    order(c, a, b, UUID.randomUUID().toString()))
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> wrong =
        put(
            photosPath(business) + "/order",
            owner.accessToken(),
            order(c, a, UUID.randomUUID().toString()));
    assertThat(read(wrong).get("errors").findValuesAsText("field")).containsExactly("photoIds");

    HttpResponse<String> covered =
        put(photosPath(business) + "/" + b + "/cover", owner.accessToken(), json());

    assertThat(covered.statusCode()).isEqualTo(200);
    assertThat(cover(read(covered))).isEqualTo(b);
    assertThat(read(covered).findValuesAsText("cover")).containsExactly("false", "false", "true");
    assertThat(
            put(
                    photosPath(business) + "/" + UUID.randomUUID() + "/cover",
                    owner.accessToken(),
                    json())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void deleting_a_photo_removes_its_object_and_passes_the_cover_on() {
    UUID business = createListing("Thinning Out");
    JsonNode first = upload(owner, business, image("jpg", Color.RED), "image/jpeg");
    JsonNode second = upload(owner, business, image("png", Color.GREEN), "image/png");
    JsonNode third = upload(owner, business, image("jpg", Color.BLUE), "image/jpeg");
    UUID firstId = UUID.fromString(first.get("id").asText());
    String firstKey = objectKey(business, firstId);

    HttpResponse<String> deleted =
        delete(photosPath(business) + "/" + firstId, owner.accessToken());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(exists(firstKey)).isFalse();
    JsonNode rest = read(get(photosPath(business), owner.accessToken()));
    assertThat(rest.findValuesAsText("id"))
        .containsExactly(second.get("id").asText(), third.get("id").asText());
    assertThat(rest.findValuesAsText("position")).containsExactly("0", "1");
    assertThat(cover(rest)).isEqualTo(second.get("id").asText());
    assertThat(events(business, "BusinessPhotoRemoved")).isEqualTo(1);
    assertThat(delete(photosPath(business) + "/" + firstId, owner.accessToken()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void deleting_the_listing_removes_its_photo_objects() {
    UUID business = createListing("Closing Down Sale");
    JsonNode photo = upload(owner, business, image("jpg", Color.RED), "image/jpeg");
    byte[] png = image("png", Color.GREEN);
    JsonNode pending = read(requestUpload(owner, business, "image/png", png.length));
    putBytes(pending.get("uploadUrl").asText(), headers(pending), png);
    String photoKey = objectKey(business, UUID.fromString(photo.get("id").asText()));
    String pendingKey = objectKey(business, UUID.fromString(pending.get("photoId").asText()));
    assertThat(exists(photoKey)).isTrue();
    assertThat(exists(pendingKey)).isTrue();

    assertThat(delete("/api/businesses/" + business, owner.accessToken()).statusCode())
        .isEqualTo(204);

    assertThat(exists(photoKey)).isFalse();
    assertThat(exists(pendingKey)).isFalse();
    assertThat(rows(business)).isZero();
    assertThat(events(business, "BusinessPhotoRemoved")).isEqualTo(1);
  }

  @Test
  void an_upload_abandoned_long_ago_is_forgotten_with_its_file_when_the_listing_next_uploads() {
    UUID business = createListing("Forgetful Uploads");
    byte[] jpeg = image("jpg", Color.DARK_GRAY);
    JsonNode abandoned = read(requestUpload(owner, business, "image/jpeg", jpeg.length));
    UUID abandonedId = UUID.fromString(abandoned.get("photoId").asText());
    String key = objectKey(business, abandonedId);
    putBytes(abandoned.get("uploadUrl").asText(), headers(abandoned), jpeg);
    jdbc.sql("UPDATE business_photos SET expires_at = now() - interval '2 hours' WHERE id = :id")
        .param("id", abandonedId)
        .update();

    assertThat(requestUpload(owner, business, "image/jpeg", jpeg.length).statusCode())
        .isEqualTo(201);

    assertThat(exists(key)).isFalse();
    assertThat(rows(business)).isEqualTo(1);
    assertThat(
            post(photosPath(business) + "/" + abandonedId + "/confirm", owner.accessToken(), null)
                .statusCode())
        .isEqualTo(404);
  }

  // --- helpers ---

  private JsonNode upload(Member member, UUID business, byte[] bytes, String contentType) {
    return uploadPhoto(member, business, bytes, contentType);
  }

  private HttpResponse<String> requestUpload(
      Member member, UUID business, String contentType, long sizeBytes) {
    return post(
        photosPath(business) + "/upload-url",
        member == null ? null : member.accessToken(),
        json().put("contentType", contentType).put("sizeBytes", sizeBytes));
  }

  /**
   * Each PUT on a connection of its own: the object store may answer a refused upload before it has
   * read the body and then close the connection, which a pooled client would hand to the next
   * request (the clean-clone CI saw the valid PUT after two refused ones end with "received no
   * bytes").
   */
  private HttpResponse<String> putBytes(String url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private byte[] fetch(String url) throws Exception {
    return fetchResponse(url).body();
  }

  private HttpResponse<byte[]> fetchResponse(String url) throws Exception {
    HttpResponse<byte[]> response =
        send(HttpRequest.newBuilder(URI.create(url)), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  /** The colour of the top-left pixel, each channel rounded to 16 levels (JPEG is lossy). */
  private static int colourOf(byte[] image) throws IOException {
    BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(image));
    assertThat(decoded).as("decodes as an image").isNotNull();
    Color colour = new Color(decoded.getRGB(0, 0));
    return (Math.round(colour.getRed() / 17f) << 8)
        | (Math.round(colour.getGreen() / 17f) << 4)
        | Math.round(colour.getBlue() / 17f);
  }

  private static Map<String, String> headers(JsonNode ticket) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = ticket.get("headers").fields();
    fields.forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
    return headers;
  }

  private static boolean exists(String key) {
    try {
      s3.headObject(head -> head.bucket(BUCKET).key(key));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Where the photo's bytes are now: its upload while pending, its own photo object once confirmed.
   */
  private String objectKey(UUID business, UUID photoId) {
    String key =
        jdbc.sql("SELECT object_key FROM business_photos WHERE id = :id")
            .param("id", photoId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new AssertionError("no row for photo " + photoId));
    assertThat(key).matches("(uploads|photos)/" + business + "/" + photoId + "[-.].*");
    return key;
  }

  private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

  /** 51/1 degrees, 30/1 minutes, 2650/100 seconds as the TIFF rationals a phone writes */
  private static final byte[] GPS_LATITUDE =
      java.nio.ByteBuffer.allocate(24)
          .putInt(51)
          .putInt(1)
          .putInt(30)
          .putInt(1)
          .putInt(2650)
          .putInt(100)
          .array();

  /** Every object the store holds for the listing, uploads and photos. */
  private static List<String> storedObjects(UUID business) {
    List<String> keys = new ArrayList<>();
    for (String prefix : List.of("uploads/", "photos/", "businesses/")) {
      s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(prefix + business + "/"))
          .contents()
          .forEach(object -> keys.add(object.key()));
    }
    return keys;
  }

  /** An HTML page that starts as a JPEG does (SOI, APP0), padded to {@code length} bytes. */
  private static byte[] htmlWithJpegStart(int length) {
    byte[] page =
        "<html><body><script>alert(document.domain)</script></body></html>"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) ' ');
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    bytes[3] = (byte) 0xE0;
    System.arraycopy(page, 0, bytes, 4, Math.min(page.length, length - 4));
    return bytes;
  }

  /**
   * The JPEG with an EXIF APP1 segment right after its start, as a phone writes it: IFD0 points to
   * a GPS IFD holding GPSLatitudeRef "N" and GPSLatitude 51 30' 26.5".
   */
  private static byte[] withExifGps(byte[] jpeg) {
    java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(80); // big-endian, "MM"
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1); // IFD0 at 8: one entry, GPSInfo pointer
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
    tiff.putInt(0);
    tiff.putShort((short) 2); // GPS IFD at 26
    tiff.putShort((short) 0x0001)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .putShort((short) 0);
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(56);
    tiff.putInt(0);
    tiff.put(GPS_LATITUDE); // at 56
    return withExif(jpeg, java.util.Arrays.copyOf(tiff.array(), tiff.position()));
  }

  /**
   * The JPEG with an EXIF block whose IFD0 holds only the orientation tag (0x0112) with this value.
   */
  private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(26); // big-endian, "MM"
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putInt(0);
    return withExif(jpeg, tiff.array());
  }

  /**
   * The JPEG with an APP1 EXIF segment holding this TIFF block right after its start, as a camera
   * writes it.
   */
  private static byte[] withExif(byte[] jpeg, byte[] tiffBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    int length = 2 + EXIF_HEADER.length + tiffBytes.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(EXIF_HEADER);
    out.writeBytes(tiffBytes);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The markers of a JPEG's segments up to its scan. */
  private static List<Integer> jpegMarkers(byte[] jpeg) {
    List<Integer> markers = new ArrayList<>();
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    markers.add(jpeg[1] & 0xFF);
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      markers.add(marker);
      if (marker == 0xDA) {
        break;
      }
      at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
    }
    return markers;
  }

  /** The PNG with its header claiming another width and height (its CRC made right again). */
  private static byte[] claimedSize(byte[] png, int width, int height) {
    byte[] bytes = png.clone();
    java.nio.ByteBuffer.wrap(bytes, 16, 8).putInt(width).putInt(height);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 12, 4 + 13);
    java.nio.ByteBuffer.wrap(bytes, 29, 4).putInt((int) crc.getValue());
    return bytes;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] image(String format, Color color) {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 2; x++) {
      for (int y = 0; y < 2; y++) {
        image.setRGB(x, y, color.getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertThat(ImageIO.write(image, format, out)).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static ObjectNode order(String... ids) {
    ObjectNode body = json();
    ArrayNode photoIds = body.putArray("photoIds");
    for (String id : ids) {
      photoIds.add(id);
    }
    return body;
  }

  private static String cover(JsonNode photos) {
    List<String> covers = new ArrayList<>();
    photos.forEach(
        photo -> {
          if (photo.get("cover").asBoolean()) {
            covers.add(photo.get("id").asText());
          }
        });
    assertThat(covers).hasSize(1);
    return covers.get(0);
  }

  private static String photosPath(UUID business) {
    return "/api/businesses/" + business + "/photos";
  }

  private long events(UUID business, String type) {
    return jdbc.sql("SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = :type")
        .param("id", business.toString())
        .param("type", type)
        .query(Long.class)
        .single();
  }

  private long rows(UUID business) {
    return jdbc.sql("SELECT count(*) FROM business_photos WHERE business_id = :id")
        .param("id", business)
        .query(Long.class)
        .single();
  }

  private UUID createListing(String name) {
    return createListing(owner, name);
  }

  private UUID createListing(Member member, String name) {
    ObjectNode listing =
        json()
            .put("townId", townId.toString())
            .put("name", name)
            .put("category", "BAKERY")
            .put("description", "A local business with photos");
    HttpResponse<String> created = post("/api/businesses", member.accessToken(), listing);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(read(created).get("id").asText());
  }

  private UUID publishedListing(String name) {
    UUID id = createListing(name);
    assertThat(post("/api/businesses/" + id + "/submit", owner.accessToken(), null).statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    return id;
  }
}
