package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ada Lovelace",
        "Dr. Who",
        "J. R. R. Tolkien",
        "Zoë O'Brien-Smith",
        "李小龍",
        "Ömer Çelik",
        "Café owner 2",
        "a"
      })
  void ordinary_names_are_kept_without_surrounding_spaces(String name) {
    assertThat(DisplayName.parse("  " + name + " ")).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Ada\nSECURITY ALERT: confirm at http://evil.example/login",
        "SECURITY ALERT: confirm at http://evil.example",
        "see https://evil.example",
        "ftp://evil",
        "www.evil",
        "visit evil.com",
        "paypal.com-security",
        "EVIL.COM",
        "Ada\rLovelace",
        "Ada\tLovelace",
        "Ada\u2028Lovelace",
        "Ada\u200BLovelace",
        "Ada\u200DLovelace",
        "Ada\u202ELovelace",
        "Ada\u0000",
        "\uE000 private use"
      })
  void line_breaks_links_and_invisible_characters_are_refused(String name) {
    assertThatThrownBy(() -> DisplayName.parse(name))
        .isInstanceOf(InvalidDisplayNameException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void an_empty_name_is_refused(String name) {
    assertThatThrownBy(() -> DisplayName.parse(name))
        .isInstanceOf(InvalidDisplayNameException.class);
  }

  @org.junit.jupiter.api.Test
  void the_length_is_counted_in_characters_not_bytes_or_chars() {
    assertThat(DisplayName.parse("😀".repeat(60))).hasSize(120);
    assertThatThrownBy(() -> DisplayName.parse("a".repeat(61)))
        .isInstanceOf(InvalidDisplayNameException.class);
  }
}
