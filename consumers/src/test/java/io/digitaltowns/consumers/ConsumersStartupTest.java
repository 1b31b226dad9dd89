package io.digitaltowns.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.infra.LocalStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer with the wrong link key would mail links the api rejects, one with a malformed admin
 * address would fail every listing review mail: it must not start at all.
 */
class ConsumersStartupTest {

  /** The refusal is expected here: keep its report out of the build output. */
  private static final Map<String, Object> QUIET = Map.of(
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
