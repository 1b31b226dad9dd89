package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint of the api with no token, a resident's token and an admin's token. A new
 * endpoint fails this test until it is listed here with who may call it.
 */
class AuthorizationMatrixTest extends ApiHttpTest {

  enum Access { PUBLIC, SIGNED_IN, ADMIN }

  /** "METHOD path" → who may call it. Path variables are filled with a random id. */
  private static final Map<String, Access> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("GET /health", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/register", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/login", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/refresh", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/logout", Access.PUBLIC);
    ENDPOINTS.put("GET /api/auth/verify-email", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/verify-email", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/verify-email/resend", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/forgot-password", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/reset-password", Access.PUBLIC);
    ENDPOINTS.put("POST /api/auth/logout-all", Access.SIGNED_IN);
    ENDPOINTS.put("GET /api/me", Access.SIGNED_IN);
    ENDPOINTS.put("PATCH /api/me", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/me/password", Access.SIGNED_IN);
    ENDPOINTS.put("GET /api/admin/users", Access.ADMIN);
    ENDPOINTS.put("GET /api/admin/ops/status", Access.ADMIN);
    ENDPOINTS.put("GET /api/admin/analytics/{topic}", Access.ADMIN);
    ENDPOINTS.put("POST /api/admin/users/{id}/suspend", Access.ADMIN);
    ENDPOINTS.put("POST /api/admin/users/{id}/reinstate", Access.ADMIN);
    ENDPOINTS.put("GET /api/towns", Access.PUBLIC);
    ENDPOINTS.put("GET /api/towns/{slug}", Access.PUBLIC);
    ENDPOINTS.put("GET /api/towns/{slug}/businesses", Access.PUBLIC);
    ENDPOINTS.put("POST /api/admin/towns", Access.ADMIN);
    ENDPOINTS.put("PUT /api/admin/towns/{id}", Access.ADMIN);
    ENDPOINTS.put("GET /api/businesses/categories", Access.PUBLIC);
    ENDPOINTS.put("GET /api/businesses/{id}", Access.PUBLIC);
    ENDPOINTS.put("POST /api/businesses", Access.SIGNED_IN);
    ENDPOINTS.put("PUT /api/businesses/{id}", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/businesses/{id}/submit", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/businesses/{id}/unpublish", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/businesses/{id}/contact", Access.SIGNED_IN);
    ENDPOINTS.put("DELETE /api/businesses/{id}", Access.SIGNED_IN);
    ENDPOINTS.put("GET /api/my/businesses", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/businesses/{id}/call-room", Access.SIGNED_IN);
    ENDPOINTS.put("GET /api/businesses/{id}/photos", Access.PUBLIC);
    ENDPOINTS.put("POST /api/businesses/{id}/subscription/checkout", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/businesses/{id}/subscription/portal", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/stripe/webhook", Access.PUBLIC);
    ENDPOINTS.put("POST /api/businesses/{id}/photos/upload-url", Access.SIGNED_IN);
    ENDPOINTS.put("POST /api/businesses/{id}/photos/{photoId}/confirm", Access.SIGNED_IN);
    ENDPOINTS.put("PUT /api/businesses/{id}/photos/order", Access.SIGNED_IN);
    ENDPOINTS.put("PUT /api/businesses/{id}/photos/{photoId}/cover", Access.SIGNED_IN);
    ENDPOINTS.put("DELETE /api/businesses/{id}/photos/{photoId}", Access.SIGNED_IN);
    ENDPOINTS.put("GET /api/admin/businesses/review-queue", Access.ADMIN);
    ENDPOINTS.put("POST /api/admin/businesses/{id}/approve", Access.ADMIN);
    ENDPOINTS.put("POST /api/admin/businesses/{id}/reject", Access.ADMIN);
    // last: it deletes the caller
    ENDPOINTS.put("DELETE /api/me", Access.SIGNED_IN);
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void every_endpoint_of_the_api_is_listed_with_who_may_call_it() {
    List<String> mapped = new ArrayList<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(path -> path.startsWith("/api/") || path.equals("/health"))
        .forEach(path -> info.getMethodsCondition().getMethods()
            .forEach(method -> mapped.add(method.name() + " " + path))));
    mapped.sort(Comparator.naturalOrder());

    assertThat(mapped).as("the walk itself found the endpoints").contains("GET /api/me", "POST /api/auth/login");
    assertThat(ENDPOINTS.keySet()).containsAll(mapped);
  }

  @Test
  void each_endpoint_answers_each_kind_of_caller_as_listed() {
    Member resident = registerAndSignIn("matrix-resident");
    Member admin = admin();
    SoftAssertions softly = new SoftAssertions();

    ENDPOINTS.forEach((endpoint, access) -> {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{id}", UUID.randomUUID().toString())
          .replace("{slug}", "no-such-town").replace("{photoId}", UUID.randomUUID().toString())
          .replace("{topic}", "signups-daily");

      int anonymous = call(method, path, null).statusCode();
      int asResident = call(method, path, resident.accessToken()).statusCode();
      int asAdmin = call(method, path, admin.accessToken()).statusCode();

      if (access == Access.PUBLIC) {
        softly.assertThat(anonymous).as("%s without a token", endpoint).isNotIn(401, 403);
      } else {
        softly.assertThat(anonymous).as("%s without a token", endpoint).isEqualTo(401);
      }
      if (access == Access.ADMIN) {
        softly.assertThat(asResident).as("%s as a resident", endpoint).isEqualTo(403);
      } else {
        softly.assertThat(asResident).as("%s as a resident", endpoint).isNotIn(401, 403);
      }
      softly.assertThat(asAdmin).as("%s as an admin", endpoint).isNotIn(401, 403);
      softly.assertThat(List.of(anonymous, asResident, asAdmin)).as("%s never fails on our side", endpoint)
          .allMatch(status -> status < 500);
    });
    softly.assertAll();
  }

  private HttpResponse<String> call(String method, String path, String token) {
    return switch (method) {
      case "GET" -> get(path, token);
      case "DELETE" -> delete(path, token);
      case "PATCH" -> patch(path, token, json());
      case "PUT" -> put(path, token, json());
      default -> post(path, token, json());
    };
  }
}
