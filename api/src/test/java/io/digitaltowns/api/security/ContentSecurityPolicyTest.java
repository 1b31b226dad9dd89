package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every kind of answer the api serves carries a Content-Security-Policy. */
class ContentSecurityPolicyTest extends ApiHttpTest {

  private static final String POLICY = "Content-Security-Policy";

  @Test
  void json_and_error_answers_carry_the_strict_policy() {
    HttpResponse<String> json = get("/api/towns", null);
    HttpResponse<String> notFound = get("/api/businesses/" + UUID.randomUUID(), null);
    HttpResponse<String> unauthorized = get("/api/me", null);
    HttpResponse<String> malformed = post("/api/auth/register", null, json());
    HttpResponse<String> unknownPath = get("/api/no/such/endpoint", null);
    HttpResponse<String> unknownSitePage = get("/no/such/page", null);

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(malformed.statusCode()).isEqualTo(400);
    for (HttpResponse<String> answer :
        java.util.List.of(json, notFound, unauthorized, malformed, unknownPath)) {
      assertThat(answer.headers().allValues(POLICY))
          .as(answer.uri() + " " + answer.statusCode())
          .containsExactly(ApiContentSecurityPolicy.API);
    }
    // a path outside the api is the site's: its 404 page carries the site's own policy, as strict
    // about inline code
    assertThat(unknownSitePage.statusCode()).isEqualTo(404);
    assertThat(unknownSitePage.headers().allValues(POLICY))
        .singleElement()
        .asString()
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval")
        .contains("script-src 'self'");
    assertThat(ApiContentSecurityPolicy.API)
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval")
        .contains(
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'");
  }

  @Test
  void swagger_ui_alone_gets_its_relaxed_policy() {
    HttpResponse<String> swagger = get("/swagger-ui/index.html", null);
    HttpResponse<String> document = get("/v3/api-docs", null);

    assertThat(swagger.headers().allValues(POLICY))
        .containsExactly(ApiContentSecurityPolicy.SWAGGER_UI);
    assertThat(document.headers().allValues(POLICY)).containsExactly(ApiContentSecurityPolicy.API);
    assertThat(ApiContentSecurityPolicy.SWAGGER_UI)
        .contains("script-src 'self';")
        .doesNotContain("unsafe-eval");
  }
}
