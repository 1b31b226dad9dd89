package io.digitaltowns.platform.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderCodeTest {

  @Test
  void a_code_of_the_allowed_characters_is_kept_as_it_is() {
    assertThat(ProviderCode.of("card_declined")).isEqualTo("card_declined");
    assertThat(ProviderCode.of("req_1Ab-2.3")).isEqualTo("req_1Ab-2.3");
  }

  @Test
  void a_line_break_and_a_forged_log_line_become_one_harmless_word() {
    String hostile =
        "card_declined\n2026-12-07T17:00:00Z  INFO 1 --- [main] Admin granted to mallory@example.org";

    String safe = ProviderCode.of(hostile);

    assertThat(safe)
        .matches("[A-Za-z0-9_.-]{1,64}")
        .doesNotContain("\n", " ", "@")
        .startsWith("card_declined_2026");
  }

  @Test
  void a_long_code_is_cut_and_nothing_is_a_dash() {
    assertThat(ProviderCode.of("x".repeat(10_000))).hasSize(ProviderCode.MAX_LENGTH);
    assertThat(ProviderCode.of(null)).isEqualTo("-");
    assertThat(ProviderCode.of("")).isEqualTo("-");
  }
}
