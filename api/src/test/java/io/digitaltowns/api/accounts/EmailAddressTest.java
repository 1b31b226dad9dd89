package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  private static final EmailAddress ADMIN = EmailAddress.parse("ops-admin@digitaltowns.org");

  static List<Confusables.Confusable> confusables() {
    return Confusables.of("ops-admin", "digitaltowns.org");
  }

  @Test
  void upper_case_ascii_is_lowered_and_surrounding_spaces_dropped() {
    assertThat(EmailAddress.parse("  Ops-Admin@DigitalTowns.ORG ").value())
        .isEqualTo("ops-admin@digitaltowns.org");
    assertThat(EmailAddress.parse("Ops-Admin@DigitalTowns.ORG")).isEqualTo(ADMIN);
  }

  @Test
  void an_internationalised_domain_becomes_its_a_label() {
    assertThat(EmailAddress.parse("ana@bücher.de").value()).isEqualTo("ana@xn--bcher-kva.de");
    assertThat(EmailAddress.parse("Ana@Bücher.de").value()).isEqualTo("ana@xn--bcher-kva.de");
    assertThat(EmailAddress.parse("ivan@пример.рф").value())
        .isEqualTo("ivan@xn--e1afmkfd.xn--p1ai");
    assertThat(EmailAddress.parse("ana@xn--bcher-kva.de"))
        .isEqualTo(EmailAddress.parse("ana@bücher.de"));
  }

  @Test
  void the_look_alike_of_the_issue_is_refused_with_a_reason() {
    assertThatThrownBy(() -> EmailAddress.parse("ops-admın@dıgıtaltowns.org"))
        .isInstanceOf(InvalidEmailAddressException.class)
        .hasMessageContaining("only ASCII letters");
  }

  /**
   * A Latin-only domain with a dotless ı is a real, other domain: kept, as its A-label, never equal
   * to the ASCII one.
   */
  @Test
  void a_dotless_i_domain_is_another_domain_shown_as_its_a_label() {
    EmailAddress other = EmailAddress.parse("ops-admin@dıgıtaltowns.org");
    assertThat(other.value()).startsWith("ops-admin@xn--").endsWith(".org");
    assertThat(other).isNotEqualTo(ADMIN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confusables")
  void every_look_alike_is_refused(Confusables.Confusable confusable) {
    assertThatThrownBy(() -> EmailAddress.parse(confusable.address()))
        .isInstanceOf(InvalidEmailAddressException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "no-at-sign",
        "@example.org",
        "ana@",
        "ana@example",
        "a..b@example.org",
        ".ana@example.org",
        "ana.@example.org",
        "ana b@example.org",
        "\"ana\"@example.org",
        "ana@exa_mple.org",
        "ana@-example.org",
        "ana@example.org.",
        "ana@example..org",
        "ana@ex ample.org",
        "ana\n@example.org"
      })
  void malformed_addresses_are_refused(String input) {
    assertThatThrownBy(() -> EmailAddress.parse(input))
        .isInstanceOf(InvalidEmailAddressException.class);
  }

  @Test
  void rfc_5321_lengths_are_enforced() {
    String local64 = "a".repeat(64);
    assertThat(EmailAddress.parse(local64 + "@example.org").value()).startsWith(local64);
    assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.org"))
        .isInstanceOf(InvalidEmailAddressException.class);
    String longDomain =
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(50)) + ".org";
    assertThatThrownBy(() -> EmailAddress.parse(local64 + "@" + longDomain))
        .isInstanceOf(InvalidEmailAddressException.class);
    assertThatThrownBy(() -> EmailAddress.parse("ana@" + "a".repeat(64) + ".org"))
        .isInstanceOf(InvalidEmailAddressException.class);
  }

  @Test
  void dot_atom_specials_are_kept() {
    assertThat(EmailAddress.parse("o'brien+tag{x}@example.org").value())
        .isEqualTo("o'brien+tag{x}@example.org");
  }

  @Test
  void a_stored_address_matches_only_when_it_is_its_own_normal_form() {
    assertThat(EmailAddress.ofStored("ops-admin@digitaltowns.org")).contains(ADMIN);
    assertThat(EmailAddress.ofStored("Ops-Admin@digitaltowns.org")).isEmpty();
    assertThat(EmailAddress.ofStored("ops-admın@dıgıtaltowns.org")).isEmpty();
    assertThat(EmailAddress.ofStored("ops-admin@ſigitaltowns.org")).isEmpty();
  }
}
