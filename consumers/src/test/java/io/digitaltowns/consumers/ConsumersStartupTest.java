package io.digitaltowns.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.infra.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A consumer with the wrong link key would mail links the api rejects, one with a malformed admin
 * address would fail every listing review mail: it must not start at all.
 */
class ConsumersStartupTest {

  /** The refusal is expected here: keep its report out of the build output. */
  private static final Map<String, Object> QUIET =
      Map.of(
          "logging.level.org.springframework.boot.SpringApplication", "OFF",
          "logging.level.org.springframework.boot.diagnostics", "OFF");

  @Test
  void the_consumers_do_not_start_without_the_email_link_secret() {
    assertThatThrownBy(() -> RunningConsumers.start(LocalStack.shared(), withSecret("")))
        .hasStackTraceContaining("EMAIL_LINK_SECRET");
  }

  @Test
  void the_consumers_do_not_start_with_an_email_link_secret_shorter_than_32_bytes() {
    assertThatThrownBy(() -> RunningConsumers.start(LocalStack.shared(), withSecret("too-short")))
        .hasStackTraceContaining("EMAIL_LINK_SECRET")
        .hasStackTraceContaining("at least 32 bytes");
  }

  @Test
  void the_consumers_do_not_start_with_a_malformed_admin_address_and_do_not_quote_it() {
    Map<String, Object> settings = new HashMap<>(QUIET);
    settings.put("digitaltowns.email.admin-addresses", "admin@towns.example.org,not-an-address");

    assertThatThrownBy(() -> RunningConsumers.start(LocalStack.shared(), settings))
        .hasStackTraceContaining("ADMIN_EMAILS")
        .hasStackTraceContaining("entry 2 is not a valid email address")
        .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain("not-an-address"));
  }

  /**
   * A worker of another group (here the CRM read model, as render.yaml's
   * digitaltowns-crm-read-model runs it) starts under the prod profile with no email settings at
   * all: no link key, no public base URL, no SMTP host.
   */
  @Test
  void a_prod_worker_whose_email_group_is_off_starts_without_any_email_setting() {
    Map<String, Object> settings = prodWorker(LocalStack.shared());
    settings.put("digitaltowns.consumers.email.enabled", false);
    settings.put("digitaltowns.consumers.crm.enabled", true);

    try (ConfigurableApplicationContext worker =
        RunningConsumers.start(LocalStack.shared(), settings)) {
      assertThat(worker.isActive()).isTrue();
      assertThat(worker.getBeanNamesForType(EmailLinkTokens.class))
          .as("no link key where no mail is sent")
          .isEmpty();
    }
  }

  @Test
  void a_prod_worker_whose_email_group_is_on_is_refused_naming_the_group_and_what_it_lacks() {
    Map<String, Object> settings = prodWorker(LocalStack.shared());
    settings.put("digitaltowns.consumers.email.enabled", true);
    settings.put("PUBLIC_BASE_URL", RunningConsumers.PUBLIC_BASE_URL);

    assertThatThrownBy(() -> RunningConsumers.start(LocalStack.shared(), settings))
        .hasStackTraceContaining(
            "the email group is on (digitaltowns.consumers.email.enabled) and needs EMAIL_LINK_SECRET, "
                + "SMTP_HOST, not set");
  }

  /**
   * The prod profile with only what every group needs, as variables (the link key the test harness
   * sets is removed).
   */
  private static Map<String, Object> prodWorker(LocalStack stack) {
    Map<String, Object> settings = new HashMap<>(QUIET);
    settings.put("spring.profiles.active", "prod");
    settings.put("DATABASE_URL", stack.jdbcUrl());
    settings.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
    settings.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
    settings.put("digitaltowns.email.link-secret", "");
    // the prod profile writes JSON lines; the test's output stays readable
    settings.put("logging.structured.format.console", "");
    return settings;
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static Map<String, Object> withSecret(String secret) {
    Map<String, Object> settings = new HashMap<>(QUIET);
    settings.put("digitaltowns.email.link-secret", secret);
    return settings;
  }
}
