package io.digitaltowns.infra.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalLogLevelsTest {

  @Test
  void by_default_the_servers_speak_only_at_warn_and_the_system_at_info() {
    Map<String, Object> settings = LocalLogLevels.fromEnvironment(Map.of()).asSpringSettings();

    assertThat(settings)
        .containsEntry("logging.level.root", "WARN")
        .containsEntry("logging.level.io.debezium", "WARN")
        .containsEntry("logging.level.org.apache.kafka", "WARN")
        .containsEntry("logging.level.io.digitaltowns", "INFO");
  }

  @Test
  void log_level_infra_debug_brings_the_servers_detail_back() {
    Map<String, Object> settings =
        LocalLogLevels.fromEnvironment(Map.of("LOG_LEVEL_INFRA", "debug")).asSpringSettings();

    assertThat(settings)
        .containsEntry("logging.level.root", "DEBUG")
        .containsEntry("logging.level.io.debezium", "DEBUG")
        .containsEntry("logging.level.io.digitaltowns", "DEBUG");
  }

  @Test
  void a_level_that_is_not_one_is_refused_naming_the_variable() {
    assertThatThrownBy(() -> LocalLogLevels.fromEnvironment(Map.of("LOG_LEVEL_INFRA", "loud")))
        .hasMessageContaining("LOG_LEVEL_INFRA");
  }
}
