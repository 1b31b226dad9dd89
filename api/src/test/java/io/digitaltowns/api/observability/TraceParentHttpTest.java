package io.digitaltowns.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every request gets a W3C trace, and its trace id reaches the outbox row of the event it causes.
 */
class TraceParentHttpTest extends ApiHttpTest {

  private static final String TRACEPARENT_FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

  @Test
  void a_registration_without_a_traceparent_is_given_one_and_its_trace_id_is_in_the_outbox()
      throws Exception {
    HttpResponse<String> registered = register(uniqueEmail("untraced"), null);

    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String traceparent = registered.headers().firstValue("traceparent").orElseThrow();
    assertThat(traceparent).matches(TRACEPARENT_FORMAT);
    assertThat(outboxTraceId(registered)).isEqualTo(traceparent.substring(3, 35));
  }

  @Test
  void a_registration_with_a_traceparent_keeps_it_and_echoes_it() throws Exception {
    String sent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    HttpResponse<String> registered = register(uniqueEmail("traced"), sent);

    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(registered.headers().firstValue("traceparent")).contains(sent);
    assertThat(outboxTraceId(registered)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void a_malformed_traceparent_is_replaced_by_a_new_trace() throws Exception {
    HttpResponse<String> registered = register(uniqueEmail("malformed"), "not-a-trace");

    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String traceparent = registered.headers().firstValue("traceparent").orElseThrow();
    assertThat(traceparent).matches(TRACEPARENT_FORMAT);
    assertThat(outboxTraceId(registered)).isEqualTo(traceparent.substring(3, 35));
  }

  @Test
  void a_refused_request_carries_a_traceparent_too() {
    HttpResponse<String> refused = get("/api/me", null);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("traceparent"))
        .hasValueSatisfying(value -> assertThat(value).matches(TRACEPARENT_FORMAT));
  }

  @Test
  void the_prometheus_endpoint_serves_the_http_metrics_to_an_admin() {
    Member admin = admin();
    get("/health", null);

    HttpResponse<String> scraped = get("/actuator/prometheus", admin.accessToken());

    assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
    assertThat(scraped.body()).contains("http_server_requests_seconds");
  }

  private String outboxTraceId(HttpResponse<String> registered) {
    UUID userId = UUID.fromString(read(registered).get("id").asText());
    return jdbc.sql(
            "SELECT trace_id FROM outbox WHERE aggregate_id = :userId AND event_type = 'UserRegistered'")
        .param("userId", userId.toString())
        .query(String.class)
        .single();
  }

  private HttpResponse<String> register(String email, String traceparent)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        request("/api/auth/register", null)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json()
                        .put("email", email)
                        .put("password", PASSWORD)
                        .put("displayName", "Traced")
                        .toString()));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return send(request);
  }
}
