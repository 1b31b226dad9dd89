package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, findings 1 and 4: the SMTP layer delivers only to the address exactly as stored.
 * Jakarta Mail would cut each of these characters to one byte and deliver elsewhere (or break the
 * SMTP command); a lenient parse would make another address of the others.
 */
class DeliverableAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ops-adm\u0131n@d\u0131g\u0131taltowns.org", // Turkish dotless i
        "ops-admİn@digitaltowns.org", // Turkish dotted capital I
        "\u212Aelvin@example.org", // Kelvin sign
        "po\u017Ft@example.org", // long s
        "\u0430dmin@example.org", // Cyrillic a
        "\u03BFps@example.org", // Greek omicron
        "\uFF41dmin@example.org", // full-width a
        "admi\u0301n@example.org", // combining acute accent
        "zero\u200Dwidth@example.org", // zero-width joiner: a CR on the wire
        "zero\u200Bspace@example.org", // zero-width space
        "nbsp\u00A0@example.org",
        "admin@example.org\r\nRCPT TO:<someone-else@example.org>",
        "Admin <admin@example.org>",
        "<admin@example.org>",
        "admin@example.org,someone-else@example.org",
        "(comment)admin@example.org",
        " admin@example.org",
        "admin@",
        ""
      })
  void
      an_address_smtp_would_not_deliver_exactly_as_stored_is_unusable_and_the_failure_does_not_quote_it(
          String stored) {
    assertThatThrownBy(() -> DeliverableAddress.of(stored, "recipient"))
        .isInstanceOf(DeliverableAddress.UnusableAddressException.class)
        .hasMessageStartingWith("recipient address ")
        .satisfies(
            failure -> {
              if (!stored.isEmpty()) {
                assertThat(failure.getMessage()).doesNotContain(stored);
              }
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ops-admin@digitaltowns.org",
        "first.last+tag@example.org",
        "owner@xn--mnchen-3ya.example",
        "UPPER@Example.org"
      })
  void a_bare_ascii_address_is_delivered_as_stored(String stored) throws Exception {
    assertThat(DeliverableAddress.of(stored, "recipient").getAddress()).isEqualTo(stored);
  }
}
