package io.digitaltowns.infra.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

class StartProgressTest {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  /** A logger that keeps what is said at INFO. */
  private final Logger log =
      (Logger)
          Proxy.newProxyInstance(
              Logger.class.getClassLoader(),
              new Class<?>[] {Logger.class},
              (proxy, method, args) -> {
                if (method.getName().equals("info")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof String format) {
                  Object[] values =
                      args.length == 2 && args[1] instanceof Object[] many
                          ? many
                          : java.util.Arrays.copyOfRange(args, 1, args.length);
                  lines.add(MessageFormatter.arrayFormat(format, values).getMessage());
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
              });

  @Test
  void a_part_that_takes_long_to_start_is_said_to_be_still_starting_until_it_has() {
    try (StartProgress progress = StartProgress.of(log, "PostgreSQL", Duration.ofMillis(50))) {
      await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() >= 2);
    }
    int said = lines.size();

    assertThat(lines)
        .allSatisfy(line -> assertThat(line).matches("PostgreSQL still starting \\(\\d+ s\\)"));
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> lines.size() == said);
  }

  @Test
  void a_part_that_starts_quickly_prints_nothing() {
    try (StartProgress progress = StartProgress.of(log, "SMTP")) {
      assertThat(progress).isNotNull();
    }

    assertThat(lines).isEmpty();
  }
}
