package io.digitaltowns.api.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.digitaltowns.api.security.AuthorizationMatrixTest.Outcome.ALLOWED;
import static io.digitaltowns.api.security.AuthorizationMatrixTest.Outcome.FORBIDDEN;
import static io.digitaltowns.api.security.AuthorizationMatrixTest.Outcome.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.CloudflareCallsStub;
import io.digitaltowns.api.billing.StripeObjects;
import io.digitaltowns.api.billing.StripeStub;
import io.digitaltowns.api.security.OpenApiOperations.Operation;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the api's OpenAPI document, called by seven kinds of caller, against the
 * expected outcome of each cell. An operation the document has and this table has not fails the
 * test, and so does a row the document no longer has.
 *
 * <p>The listing an operation is aimed at belongs to the business owner; the other owner has a
 * published listing of their own in the same town; an admin-only operation on a user is aimed at a
 * fresh resident. A denied call must write nothing. An allowed call must get past authorization
 * (not 401 or 403) without a server error: what it then answers (200, or 404 for a photo id that
 * does not exist, or 409 for a listing that is already published) is the business of the feature's
 * own tests.
 */
class AuthorizationMatrixTest extends ApiHttpTest {

  enum Principal {
    NO_TOKEN,
    RESIDENT,
    OTHER_RESIDENT,
    OWNER,
    OTHER_OWNER,
    ADMIN,
    SUSPENDED
  }

  enum Outcome {
    ALLOWED,
    UNAUTHORIZED,
    FORBIDDEN
  }

  /** Who may call an operation. */
  enum Access {
    /** anyone; a token that is no longer good (a suspended user's) is refused even here */
    PUBLIC(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, UNAUTHORIZED),
    /** anyone signed in and not suspended */
    SIGNED_IN(UNAUTHORIZED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, UNAUTHORIZED),
    /** the owner of the (published) listing, or an admin */
    OWNER_OR_ADMIN(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, ALLOWED, FORBIDDEN, ALLOWED, UNAUTHORIZED),
    ADMIN(UNAUTHORIZED, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED, UNAUTHORIZED);

    private final Map<Principal, Outcome> cells = new EnumMap<>(Principal.class);

    Access(Outcome... outcomes) {
      for (Principal principal : Principal.values()) {
        cells.put(principal, outcomes[principal.ordinal()]);
      }
    }

    Outcome of(Principal principal) {
      return cells.get(principal);
    }
  }

  /**
   * One row: who may call it, and a body that is valid for it (so that validation does not hide the
   * answer).
   */
  private record Row(Access access, Supplier<JsonNode> body) {}

  private final Map<String, Row> rows = new LinkedHashMap<>();

  private final Map<Principal, Member> principals = new EnumMap<>(Principal.class);
  private UUID townId;
  private String townSlug;

  private void expect(String operation, Access access) {
    expect(operation, access, () -> json());
  }

  private void expect(String operation, Access access, Supplier<JsonNode> body) {
    rows.put(operation, new Row(access, body));
  }

  private void table() {
    expect("GET /health", Access.PUBLIC);
    expect(
        "POST /api/auth/register",
        Access.PUBLIC,
        () ->
            json()
                .put("email", uniqueEmail("matrix-new"))
                .put("password", PASSWORD)
                .put("displayName", "New"));
    expect(
        "POST /api/auth/login",
        Access.PUBLIC,
        () -> {
          Member someone = registerAndSignIn("matrix-login");
          return json().put("email", someone.email()).put("password", PASSWORD);
        });
    expect(
        "POST /api/auth/refresh",
        Access.PUBLIC,
        () -> json().put("refreshToken", registerAndSignIn("matrix-refresh").refreshToken()));
    expect(
        "POST /api/auth/logout",
        Access.PUBLIC,
        () -> json().put("refreshToken", registerAndSignIn("matrix-logout").refreshToken()));
    expect("GET /api/auth/verify-email", Access.PUBLIC);
    expect(
        "POST /api/auth/verify-email",
        Access.PUBLIC,
        () -> json().put("token", "not-a-real-token"));
    expect(
        "POST /api/auth/verify-email/resend",
        Access.PUBLIC,
        () -> json().put("email", uniqueEmail("resend")));
    expect(
        "POST /api/auth/forgot-password",
        Access.PUBLIC,
        () -> json().put("email", uniqueEmail("forgot")));
    expect(
        "POST /api/auth/reset-password",
        Access.PUBLIC,
        () -> json().put("token", "not-a-real-token").put("password", "a new password 123"));
    expect("POST /api/auth/logout-all", Access.SIGNED_IN);
    expect("GET /api/me", Access.SIGNED_IN);
    expect("PATCH /api/me", Access.SIGNED_IN, () -> json().put("displayName", "Renamed"));
    // a wrong current password is the feature's 4xx, after the door: the door is what is checked
    // here
    expect(
        "POST /api/me/password",
        Access.SIGNED_IN,
        () ->
            json()
                .put("currentPassword", "not the password")
                .put("newPassword", "another password 123"));
    expect("DELETE /api/me", Access.SIGNED_IN);
    expect("GET /api/admin/users", Access.ADMIN);
    expect("POST /api/admin/users/{id}/suspend", Access.ADMIN);
    expect("POST /api/admin/users/{id}/reinstate", Access.ADMIN);
    expect("GET /api/admin/ops/status", Access.ADMIN);
    expect("GET /api/admin/analytics/{topic}", Access.ADMIN);
    expect("GET /api/towns", Access.PUBLIC);
    expect("GET /api/towns/{slug}", Access.PUBLIC);
    expect("GET /api/towns/{slug}/businesses", Access.PUBLIC);
    expect(
        "POST /api/admin/towns",
        Access.ADMIN,
        () ->
            json()
                .put("name", "Matrix town")
                .put("slug", "matrix-" + UUID.randomUUID().toString().substring(0, 8))
                .put("timezone", "Europe/London"));
    expect(
        "PUT /api/admin/towns/{id}",
        Access.ADMIN,
        () ->
            json()
                .put("name", "Matrix town")
                .put("slug", townSlug)
                .put("timezone", "Europe/London"));
    expect("GET /api/businesses/categories", Access.PUBLIC);
    expect("GET /api/businesses/{id}", Access.PUBLIC);
    expect("POST /api/businesses", Access.SIGNED_IN, this::listing);
    expect("PUT /api/businesses/{id}", Access.OWNER_OR_ADMIN, this::listing);
    expect("POST /api/businesses/{id}/submit", Access.OWNER_OR_ADMIN);
    expect("POST /api/businesses/{id}/unpublish", Access.OWNER_OR_ADMIN);
    expect("DELETE /api/businesses/{id}", Access.OWNER_OR_ADMIN);
    expect(
        "POST /api/businesses/{id}/contact",
        Access.SIGNED_IN,
        () -> json().put("message", "Are you open?"));
    expect("GET /api/my/businesses", Access.SIGNED_IN);
    expect("POST /api/businesses/{id}/call-room", Access.OWNER_OR_ADMIN);
    expect("GET /api/businesses/{id}/photos", Access.PUBLIC);
    expect(
        "POST /api/businesses/{id}/photos/upload-url",
        Access.OWNER_OR_ADMIN,
        () -> json().put("contentType", "image/png").put("sizeBytes", 1000));
    expect("POST /api/businesses/{id}/photos/{photoId}/confirm", Access.OWNER_OR_ADMIN);
    expect("PUT /api/businesses/{id}/photos/order", Access.OWNER_OR_ADMIN);
    expect("PUT /api/businesses/{id}/photos/{photoId}/cover", Access.OWNER_OR_ADMIN);
    expect("DELETE /api/businesses/{id}/photos/{photoId}", Access.OWNER_OR_ADMIN);
    expect("POST /api/businesses/{id}/subscription/checkout", Access.OWNER_OR_ADMIN);
    expect("POST /api/businesses/{id}/subscription/portal", Access.OWNER_OR_ADMIN);
    // Stripe signs its calls instead: without a signature the call is refused (400), after the door
    expect("POST /api/stripe/webhook", Access.PUBLIC);
    expect("GET /api/admin/businesses/review-queue", Access.ADMIN);
    expect("POST /api/admin/businesses/{id}/approve", Access.ADMIN);
    expect(
        "POST /api/admin/businesses/{id}/reject",
        Access.ADMIN,
        () -> json().put("reason", "Not a business"));
    expect("GET /api/admin/crm/companies", Access.ADMIN);
    expect("GET /api/admin/crm/companies/{id}", Access.ADMIN);
    expect("GET /api/admin/crm/companies/{id}/timeline", Access.ADMIN);
    expect(
        "POST /api/admin/crm/companies/{id}/notes",
        Access.ADMIN,
        () -> json().put("text", "Called them about renewal"));
    expect("GET /api/admin/crm/contacts", Access.ADMIN);
    expect("GET /api/admin/crm/contacts/{id}", Access.ADMIN);
  }

  private JsonNode listing() {
    return json()
        .put("townId", townId.toString())
        .put("name", "Matrix bakery")
        .put("category", "BAKERY");
  }

  @Test
  void every_operation_of_the_openapi_document_has_a_row_and_every_row_an_operation() {
    table();
    List<String> documented = operations().stream().map(Operation::key).toList();

    assertThat(documented)
        .as("the document lists the api")
        .contains("GET /api/me", "POST /api/auth/login");
    assertThat(rows.keySet()).as("operations without an expected row").containsAll(documented);
    assertThat(documented).as("rows whose operation is gone").containsAll(rows.keySet());
  }

  @Test
  void the_document_declares_the_bearer_token_on_every_operation_that_needs_one() {
    table();
    for (Operation operation : operations()) {
      Row row = rows.get(operation.key());
      if (row != null && row.access() != Access.PUBLIC) {
        assertThat(operation.declaresBearer())
            .as("%s declares its bearer token", operation.key())
            .isTrue();
      }
    }
  }

  @Test
  void
      each_operation_answers_each_kind_of_caller_as_the_table_says_and_a_refused_call_writes_nothing() {
    Member admin = admin();
    townSlug = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    townId = createTown(admin, townSlug, "Europe/London");
    table();
    // every principal has proven their address: what an unverified account may not do is its
    // feature's test
    principals.put(Principal.ADMIN, verified(admin));
    principals.put(Principal.RESIDENT, verified(registerAndSignIn("matrix-resident")));
    principals.put(Principal.OTHER_RESIDENT, verified(registerAndSignIn("matrix-other-resident")));
    principals.put(Principal.OWNER, verified(registerAndSignIn("matrix-owner")));
    Member otherOwner = verified(registerAndSignIn("matrix-other-owner"));
    principals.put(Principal.OTHER_OWNER, otherOwner);
    publishedListingOf(otherOwner, admin);
    Member suspended = registerAndSignIn("matrix-suspended");
    assertThat(
            post("/api/admin/users/" + suspended.id() + "/suspend", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(204);
    principals.put(Principal.SUSPENDED, suspended);

    SoftAssertions softly = new SoftAssertions();
    List<String> report = new ArrayList<>();
    int cells = 0;
    for (Operation operation : operations()) {
      Row row = rows.get(operation.key());
      if (row == null) {
        continue; // the first test names it
      }
      StringBuilder line = new StringBuilder(operation.key());
      for (Principal principal : Principal.values()) {
        Outcome expected = row.access().of(principal);
        // each call gets its own listing and target user, so one call cannot change what the next
        // one meets
        UUID business = publishedListingOf(principals.get(Principal.OWNER), admin);
        UUID user = registerAndSignIn("matrix-target").id();
        Member caller = callerFor(principal, operation, admin);
        String path =
            operation
                .path()
                .replace(
                    "{id}",
                    operation.path().startsWith("/api/admin/users/")
                        ? user.toString()
                        : operation.path().startsWith("/api/admin/towns/")
                            ? townId.toString()
                            : business.toString())
                .replace("{slug}", townSlug)
                .replace("{photoId}", UUID.randomUUID().toString())
                .replace("{topic}", "signups-daily");
        primeThirdParties(business);
        JsonNode body = operation.takesJson() ? row.body().get() : null;
        Map<String, Object> before = WrittenRows.now(jdbc, business, user);
        HttpResponse<String> response =
            call(operation.method(), path, caller == null ? null : caller.accessToken(), body);
        int status = response.statusCode();
        cells++;
        line.append(" | ").append(principal).append('=').append(status);
        String cell = operation.key() + " as " + principal;
        softly
            .assertThat(status)
            .as("%s never fails on our side: %s", cell, response.body())
            .isLessThan(500);
        switch (expected) {
          case ALLOWED ->
              softly
                  .assertThat(status)
                  .as("%s is let in: %s", cell, response.body())
                  .isNotIn(401, 403);
          case UNAUTHORIZED, FORBIDDEN -> {
            softly
                .assertThat(status)
                .as("%s is refused: %s", cell, response.body())
                .isEqualTo(expected == UNAUTHORIZED ? 401 : 403);
            softly
                .assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("%s answers a problem body", cell)
                .startsWith("application/problem+json");
            softly
                .assertThat(WrittenRows.now(jdbc, business, user))
                .as("%s writes nothing", cell)
                .isEqualTo(before);
          }
          default -> throw new IllegalStateException();
        }
      }
      report.add(line.toString());
    }
    writeFigures(report, cells);
    assertThat(cells).isEqualTo(rows.size() * Principal.values().length);
    softly.assertAll();
  }

  /**
   * Operations after which the caller's access token no longer works (the account is gone or its
   * sessions ended).
   */
  private static final java.util.Set<String> ENDS_THE_CALLERS_SESSIONS =
      java.util.Set.of("DELETE /api/me", "POST /api/auth/logout-all");

  /**
   * The principal's member; for an operation that ends the caller's account or sessions, a fresh
   * stand-in of the same kind, so the table's principals live on.
   */
  private Member callerFor(Principal principal, Operation operation, Member admin) {
    if (principal == Principal.NO_TOKEN) {
      return null;
    }
    if (!ENDS_THE_CALLERS_SESSIONS.contains(operation.key()) || principal == Principal.SUSPENDED) {
      return principals.get(principal);
    }
    Member standIn = registerAndSignIn("matrix-standin");
    switch (principal) {
      case ADMIN -> roles.grant(standIn.id(), io.digitaltowns.api.accounts.Role.ADMIN, null);
      case OWNER, OTHER_OWNER -> publishedListingOf(standIn, admin);
      default -> {}
    }
    return standIn;
  }

  private UUID publishedListingOf(Member owner, Member admin) {
    HttpResponse<String> created = post("/api/businesses", owner.accessToken(), listing());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    UUID id = UUID.fromString(read(created).get("id").asText());
    assertThat(post("/api/businesses/" + id + "/submit", owner.accessToken(), null).statusCode())
        .isEqualTo(200);
    assertThat(
            post("/api/admin/businesses/" + id + "/approve", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(200);
    return id;
  }

  /** Stripe and Cloudflare stand-ins answering, with ids of their own for this listing. */
  private void primeThirdParties(UUID business) {
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    String customerId = "cus_" + unique;
    StripeStub.shared()
        .stubFor(
            WireMock.post(urlEqualTo("/v1/customers"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            StripeObjects.customer(
                                customerId,
                                "owner@example.org",
                                "Matrix bakery",
                                business.toString()))));
    StripeStub.shared()
        .stubFor(
            WireMock.post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            StripeObjects.checkoutSession(
                                "cs_test_" + unique, customerId, business.toString()))));
    CloudflareCallsStub.shared()
        .stubFor(
            WireMock.post(urlEqualTo("/v1/apps/" + CloudflareCallsStub.APP_ID + "/sessions/new"))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sessionId\":\"sess-" + unique + "\"}")));
  }

  private List<Operation> operations() {
    return OpenApiOperations.of(get("/v3/api-docs", null).body());
  }

  private HttpResponse<String> call(String method, String path, String token, JsonNode body) {
    return switch (method) {
      case "GET" -> get(path, token);
      case "DELETE" -> delete(path, token);
      case "PATCH" -> patch(path, token, body == null ? json() : body);
      case "PUT" -> put(path, token, body == null ? json() : body);
      default -> post(path, token, body);
    };
  }

  private static void writeFigures(List<String> report, int cells) {
    try {
      Path file = Path.of("target", "security-figures", "authorization-matrix.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "cells checked: " + cells + "\n" + String.join("\n", report) + "\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
