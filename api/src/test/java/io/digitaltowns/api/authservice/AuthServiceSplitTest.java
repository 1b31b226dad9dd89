package io.digitaltowns.api.authservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.api.ApiApplication;
import io.digitaltowns.api.ApiTestServers;
import io.digitaltowns.infra.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same jar as two services: the public web service forwarding accounts requests to the private
 * auth service.
 */
class AuthServiceSplitTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ConfigurableApplicationContext authService;
  private static ConfigurableApplicationContext webService;
  private static ConfigurableApplicationContext webWithoutAuthService;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServices() {
    authService = start("--digitaltowns.auth-service.role=auth");
    webService = start("--digitaltowns.auth-service.url=" + url(authService, ""));
    // an address where nothing listens
    webWithoutAuthService = start("--digitaltowns.auth-service.url=http://127.0.0.1:9");
  }

  @AfterAll
  static void stopServices() {
    List.of(webWithoutAuthService, webService, authService)
        .forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void a_user_registers_signs_in_and_reads_their_account_through_the_web_service()
      throws Exception {
    String email = "split-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

    HttpResponse<String> registered =
        post(
            url(webService, "/api/auth/register"),
            JSON.createObjectNode()
                .put("email", email)
                .put("password", "correct horse battery")
                .put("displayName", "Split"));
    HttpResponse<String> signedIn =
        post(
            url(webService, "/api/auth/login"),
            JSON.createObjectNode().put("email", email).put("password", "correct horse battery"));
    String token = JSON.readTree(signedIn.body()).get("accessToken").asText();
    HttpResponse<String> me =
        http.send(
            HttpRequest.newBuilder(URI.create(url(webService, "/api/me")))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(registered.statusCode()).isEqualTo(201);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).get("email").asText()).isEqualTo(email);
  }

  @Test
  void errors_of_the_auth_service_reach_the_client_unchanged() throws Exception {
    HttpResponse<String> invalid =
        post(url(webService, "/api/auth/login"), JSON.createObjectNode().put("email", "x"));

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(JSON.readTree(invalid.body()).get("errors").findValuesAsText("field"))
        .contains("email", "password");
  }

  @Test
  void the_web_service_answers_502_when_the_auth_service_is_down() throws Exception {
    HttpResponse<String> response =
        post(
            url(webWithoutAuthService, "/api/auth/login"),
            JSON.createObjectNode()
                .put("email", "a@example.org")
                .put("password", "whatever-password"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("\"status\":502").doesNotContain("whatever-password");
  }

  @Test
  void the_auth_service_serves_only_the_accounts_endpoints() throws Exception {
    HttpResponse<String> elsewhere =
        http.send(
            HttpRequest.newBuilder(URI.create(url(authService, "/api/towns"))).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(url(authService, "/health"))).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(health.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> post(String url, JsonNode body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String url(ConfigurableApplicationContext service, String path) {
    return "http://localhost:" + service.getEnvironment().getProperty("local.server.port") + path;
  }

  private static ConfigurableApplicationContext start(String roleSetting) {
    LocalStack stack = LocalStack.shared();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.config.name=" + ApiApplication.CONFIG_NAME,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + stack.jdbcUrl(),
                "--spring.datasource.username=" + stack.databaseUser(),
                "--spring.datasource.password=" + stack.databasePassword(),
                "--digitaltowns.schema-registry.url=" + stack.schemaRegistryUrl(),
                "--digitaltowns.passwords.bcrypt-strength=4",
                "--digitaltowns.jwt.secret=" + ApiTestServers.JWT_SECRET,
                "--digitaltowns.email-links.secret=" + ApiTestServers.EMAIL_LINK_SECRET,
                // keeps the JMX names of the three instances in this JVM apart
                "--spring.jmx.enabled=false",
                roleSetting));
    return new SpringApplicationBuilder(ApiApplication.class)
        .registerShutdownHook(false)
        .run(args.toArray(String[]::new));
  }
}
