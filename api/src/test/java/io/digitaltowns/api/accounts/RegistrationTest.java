package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegistrationTest extends ApiHttpTest {

  @Test
  void registering_creates_the_account_and_its_event_in_one_go() throws Exception {
    String email = unique("Ada.Lovelace");

    HttpResponse<String> response = register(body(email, PASSWORD, "Ada Lovelace"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode user = JSON.readTree(response.body());
    assertThat(user.get("email").asText()).isEqualTo(email.toLowerCase());
    assertThat(user.get("displayName").asText()).isEqualTo("Ada Lovelace");
    assertThat(user.get("emailVerified").asBoolean()).isFalse();
    assertThat(response.body()).doesNotContain(PASSWORD).doesNotContain("password");
    String id = user.get("id").asText();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outbox WHERE aggregate_id = :id AND event_type = 'UserRegistered'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    String hash =
        jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
            .param("id", UUID.fromString(id))
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
  }

  @Test
  void registering_twice_with_the_same_email_is_a_conflict() throws Exception {
    String email = unique("twice");
    assertThat(register(body(email, PASSWORD, "First")).statusCode()).isEqualTo(201);
    long eventsBefore = outboxRows();

    HttpResponse<String> second = register(body(email.toUpperCase(), PASSWORD, "Second"));

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(second.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(second.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("email");
    assertThat(outboxRows()).isEqualTo(eventsBefore);
  }

  @Test
  void invalid_input_is_a_bad_request_naming_the_fields_and_writes_nothing() throws Exception {
    long usersBefore = users();
    long eventsBefore = outboxRows();

    HttpResponse<String> response = register(body("not-an-email", "short", " "));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors").findValuesAsText("field"))
        .contains("email", "password", "displayName");
    assertThat(response.body()).doesNotContain("short");
    assertThat(users()).isEqualTo(usersBefore);
    assertThat(outboxRows()).isEqualTo(eventsBefore);
  }

  @Test
  void a_body_that_is_not_json_is_a_bad_request_not_a_server_error() throws Exception {
    long usersBefore = users();

    HttpResponse<String> malformed =
        register("{\"email\": \"x@example.org\", \"password\": \"secret-secret\"");
    HttpResponse<String> wrongShape = register("[1, 2, 3]");
    HttpResponse<String> empty = register("");

    for (HttpResponse<String> response : java.util.List.of(malformed, wrongShape, empty)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).doesNotContain("secret-secret").contains("\"status\":400");
    }
    assertThat(users()).isEqualTo(usersBefore);
  }

  @Test
  void the_health_check_answers_ok() throws Exception {
    HttpResponse<String> response = get("/health", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void the_openapi_document_describes_registration() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("paths").has("/api/auth/register")).isTrue();
  }

  private HttpResponse<String> register(String json) throws IOException, InterruptedException {
    return send(
        request("/api/auth/register", null)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String body(String email, String password, String displayName) {
    return JSON.createObjectNode()
        .put("email", email)
        .put("password", password)
        .put("displayName", displayName)
        .toString();
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
  }

  private long users() {
    return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
  }

  private long outboxRows() {
    return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
  }
}
