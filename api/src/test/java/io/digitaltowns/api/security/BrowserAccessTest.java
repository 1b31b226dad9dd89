package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Browsers: the site at PUBLIC_BASE_URL may call the api, other sites may not; responses carry
 * protective headers.
 */
class BrowserAccessTest extends ApiHttpTest {

  @Test
  void the_site_may_call_the_api_from_the_browser() throws Exception {
    HttpResponse<String> preflight = preflight("http://localhost:8080");

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
  }

  @Test
  void another_site_may_not() throws Exception {
    HttpResponse<String> preflight = preflight("https://evil.example");

    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void answers_carry_protective_headers_and_no_stack_traces() {
    HttpResponse<String> response = get("/api/towns/no-such-town", null);

    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.digitaltowns");
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return send(
        request("/api/auth/login", null)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type"));
  }
}
