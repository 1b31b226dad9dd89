package io.digitaltowns.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.Role;
import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The api, running on a random port against the shared real servers, driven over HTTP as a client
 * would. Every subclass shares one application context, unless it adds settings of its own
 * ({@code @TestPropertySource}; a per-address limit through {@code
 * tests.abuse-limits.<action>.per-ip-capacity}, see {@link ApiTestServers}); every api test that
 * speaks HTTP to the api does so through this class's client and {@link #url(String)}.
 */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + ApiApplication.CONFIG_NAME,
      "digitaltowns.admins.emails=" + ApiHttpTest.LISTED_ADMIN
    })
public abstract class ApiHttpTest {

  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final String PASSWORD = "correct horse battery staple";

  /** the one address in ADMIN_EMAILS; only one test may register it */
  protected static final String LISTED_ADMIN = "listed-admin@example.org";

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    ApiTestServers.register(registry);
  }

  @LocalServerPort protected int port;

  @Autowired protected JdbcClient jdbc;

  @Autowired protected AccountRoles roles;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  protected final EmailLinkTokens linkTokens =
      new EmailLinkTokens(ApiTestServers.EMAIL_LINK_SECRET);

  /** A registered user with their tokens. */
  protected record Member(
      UUID id, String email, String password, String accessToken, String refreshToken) {}

  protected static String uniqueEmail(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  protected Member registerAndSignIn(String name) {
    String email = uniqueEmail(name);
    HttpResponse<String> registered =
        post(
            "/api/auth/register",
            null,
            json().put("email", email).put("password", PASSWORD).put("displayName", name));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    UUID id = UUID.fromString(read(registered).get("id").asText());
    JsonNode tokens = read(login(email, PASSWORD));
    return new Member(
        id,
        email,
        PASSWORD,
        tokens.get("accessToken").asText(),
        tokens.get("refreshToken").asText());
  }

  protected Member admin() {
    Member member = registerAndSignIn("admin");
    roles.grant(member.id(), Role.ADMIN, null);
    return member;
  }

  /**
   * Marks the member's address as proven, as following the mailed link does (which flow proves it
   * is the accounts' business; tests of other features only need an account that has).
   */
  protected Member verified(Member member) {
    jdbc.sql("UPDATE users SET email_verified = true WHERE id = :id")
        .param("id", member.id())
        .update();
    return member;
  }

  protected HttpResponse<String> login(String email, String password) {
    return post("/api/auth/login", null, json().put("email", email).put("password", password));
  }

  /**
   * The token the email consumer puts in the link of the newest mail of this purpose for the user.
   */
  protected String linkTokenFromNewestEvent(UUID userId, String eventType, Purpose purpose) {
    UUID eventId =
        jdbc.sql(
                """
            SELECT id FROM outbox WHERE aggregate_id = :userId AND event_type = :type ORDER BY occurred_at DESC LIMIT 1
            """)
            .param("userId", userId.toString())
            .param("type", eventType)
            .query(UUID.class)
            .single();
    return linkTokens.tokenFor(purpose, eventId.toString());
  }

  protected long outboxEvents(UUID userId, String eventType) {
    return jdbc.sql(
            "SELECT count(*) FROM outbox WHERE aggregate_id = :userId AND event_type = :type")
        .param("userId", userId.toString())
        .param("type", eventType)
        .query(Long.class)
        .single();
  }

  protected static ObjectNode json() {
    return JSON.createObjectNode();
  }

  protected static JsonNode read(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected HttpResponse<String> get(String path, String accessToken) {
    return send(request(path, accessToken).GET());
  }

  protected HttpResponse<String> delete(String path, String accessToken) {
    return send(request(path, accessToken).DELETE());
  }

  protected HttpResponse<String> delete(String path, String accessToken, JsonNode body) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  protected HttpResponse<String> post(String path, String accessToken, JsonNode body) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.toString())));
  }

  protected HttpResponse<String> put(String path, String accessToken, JsonNode body) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A new town, created by an admin through the api; returns its id. */
  protected UUID createTown(Member admin, String slug, String timezone) {
    HttpResponse<String> created =
        post(
            "/api/admin/towns",
            admin.accessToken(),
            json()
                .put("name", "Town " + slug)
                .put("slug", slug)
                .put("region", "Region")
                .put("timezone", timezone));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(read(created).get("id").asText());
  }

  protected HttpResponse<String> patch(String path, String accessToken, JsonNode body) {
    return send(
        request(path, accessToken)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** The address of {@code path} (with its query) on the running api. */
  protected URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /**
   * A request to {@code path}, with the member's bearer token unless it is null, for headers of the
   * test's choosing.
   */
  protected HttpRequest.Builder request(String path, String accessToken) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url(path));
    if (accessToken != null) {
      builder.header("Authorization", "Bearer " + accessToken);
    }
    return builder;
  }

  /**
   * A listing in the town, submitted for review by its owner, open around the clock or never (no
   * hours).
   */
  protected UUID submittedListing(
      Member owner, UUID townId, String name, String description, boolean alwaysOpen) {
    ObjectNode listing =
        json()
            .put("townId", townId.toString())
            .put("name", name)
            .put("category", "BAKERY")
            .put("description", description)
            .put("address", "1 Market Square")
            .put("phone", "+44 20 7946 0000")
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
    assertThat(post("/api/businesses/" + id + "/submit", owner.accessToken(), null).statusCode())
        .isEqualTo(200);
    return id;
  }

  /**
   * A photo of a listing as its owner adds it through the API: an upload URL, the bytes PUT
   * straight to the object store with the headers the API signed, then the confirmation. Returns
   * the confirmed photo.
   */
  protected JsonNode uploadPhoto(Member owner, UUID business, byte[] bytes, String contentType) {
    String photos = "/api/businesses/" + business + "/photos";
    HttpResponse<String> issued =
        post(
            photos + "/upload-url",
            owner.accessToken(),
            json().put("contentType", contentType).put("sizeBytes", bytes.length));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonNode ticket = read(issued);
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(ticket.get("uploadUrl").asText()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    ticket
        .get("headers")
        .fields()
        .forEachRemaining(header -> put.header(header.getKey(), header.getValue().asText()));
    HttpResponse<String> uploaded = send(put);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    HttpResponse<String> confirmed =
        post(photos + "/" + ticket.get("photoId").asText() + "/confirm", owner.accessToken(), null);
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    return read(confirmed);
  }

  /**
   * Sends a request built by the test (its own method, headers or body), the answer's body as text.
   */
  protected HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * As {@link #send(HttpRequest.Builder)}, the body read as {@code body} says (bytes,
   * discarded...).
   */
  protected <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
