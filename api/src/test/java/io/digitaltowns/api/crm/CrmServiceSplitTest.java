package io.digitaltowns.api.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.digitaltowns.api.ApiApplication;
import io.digitaltowns.api.ApiTestServers;
import io.digitaltowns.api.CrmReadModelSchema;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.Role;
import io.digitaltowns.infra.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same jar as two services: the public web service forwarding the CRM endpoints to the private
 * CRM service.
 */
class CrmServiceSplitTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ConfigurableApplicationContext crmService;
  private static ConfigurableApplicationContext webService;
  private static ConfigurableApplicationContext webWithoutCrmService;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServices() {
    CrmReadModelSchema.ensure(LocalStack.shared());
    crmService = start("--digitaltowns.crm-service.role=crm");
    webService = start("--digitaltowns.crm-service.url=" + url(crmService, ""));
    // an address where nothing listens
    webWithoutCrmService = start("--digitaltowns.crm-service.url=http://127.0.0.1:9");
  }

  @AfterAll
  static void stopServices() {
    List.of(webWithoutCrmService, webService, crmService)
        .forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void an_admin_reads_a_company_and_adds_a_note_through_the_web_service() throws Exception {
    String businessId = UUID.randomUUID().toString();
    new ReadModelRows(crmService.getBean(JdbcClient.class))
        .company(
            businessId,
            "Split Bakery",
            "PUBLISHED",
            null,
            null,
            null,
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    String admin = signIn(true);

    HttpResponse<String> company =
        send(webService, "GET", "/api/admin/crm/companies/" + businessId, admin, null);
    HttpResponse<String> note =
        send(
            webService,
            "POST",
            "/api/admin/crm/companies/" + businessId + "/notes",
            admin,
            "{\"text\":\"Forwarded note\"}");

    assertThat(company.statusCode()).as(company.body()).isEqualTo(200);
    assertThat(JSON.readTree(company.body()).at("/company/name").asText())
        .isEqualTo("Split Bakery");
    assertThat(note.statusCode()).as(note.body()).isEqualTo(202);
    assertThat(
            crmService
                .getBean(JdbcClient.class)
                .sql(
                    "SELECT count(*) FROM outbox WHERE event_type = 'CrmNoteAdded' AND aggregate_id = :id")
                .param("id", businessId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void the_crm_service_refuses_a_resident_forwarded_by_the_web_service() throws Exception {
    HttpResponse<String> response =
        send(webService, "GET", "/api/admin/crm/companies", signIn(false), null);

    // a resident's session is not minted for the CRM service (aud): refused at the door
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void the_web_service_answers_502_when_the_crm_service_is_down() throws Exception {
    HttpResponse<String> response =
        send(webWithoutCrmService, "GET", "/api/admin/crm/companies", signIn(true), null);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(JSON.readTree(response.body()).get("title").asText())
        .isEqualTo("The CRM is unavailable");
  }

  @Test
  void the_crm_service_serves_only_the_crm_endpoints() throws Exception {
    assertThat(send(crmService, "GET", "/api/towns", null, null).statusCode()).isEqualTo(404);
    assertThat(send(crmService, "POST", "/api/auth/login", null, "{}").statusCode()).isEqualTo(404);
    assertThat(send(crmService, "GET", "/health", null, null).statusCode()).isEqualTo(200);
  }

  /**
   * A user registered and signed in on the web service (which answers the accounts endpoints itself
   * here).
   */
  private String signIn(boolean admin) throws Exception {
    String email = "crm-split-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    HttpResponse<String> registered =
        send(
            webService,
            "POST",
            "/api/auth/register",
            null,
            JSON.createObjectNode()
                .put("email", email)
                .put("password", "correct horse battery")
                .put("displayName", "Split")
                .toString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    if (admin) {
      webService
          .getBean(AccountRoles.class)
          .grant(
              UUID.fromString(JSON.readTree(registered.body()).get("id").asText()),
              Role.ADMIN,
              null);
    }
    HttpResponse<String> signedIn =
        send(
            webService,
            "POST",
            "/api/auth/login",
            null,
            JSON.createObjectNode()
                .put("email", email)
                .put("password", "correct horse battery")
                .toString());
    JsonNode tokens = JSON.readTree(signedIn.body());
    return tokens.get("accessToken").asText();
  }

  private HttpResponse<String> send(
      ConfigurableApplicationContext service, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(service, path)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
                "--digitaltowns.abuse-limits.register.per-ip-capacity=1000000",
                "--digitaltowns.abuse-limits.login.per-ip-capacity=1000000",
                "--digitaltowns.billing.apply.enabled=false",
                // keeps the JMX names of the three instances in this JVM apart
                "--spring.jmx.enabled=false",
                roleSetting));
    return new SpringApplicationBuilder(ApiApplication.class)
        .registerShutdownHook(false)
        .run(args.toArray(String[]::new));
  }
}
