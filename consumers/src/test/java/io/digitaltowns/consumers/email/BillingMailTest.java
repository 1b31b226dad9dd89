package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingMailTest {

  @Test
  void an_amount_in_minor_units_reads_in_the_currencys_major_unit() {
    assertThat(BillingMail.amount(1900, "eur")).isEqualTo("EUR 19.00");
    assertThat(BillingMail.amount(5, "usd")).isEqualTo("USD 0.05");
    assertThat(BillingMail.amount(500, "jpy")).isEqualTo("JPY 500");
    assertThat(BillingMail.amount(1500, "kwd")).isEqualTo("KWD 1.500");
  }

  @Test
  void a_currency_java_does_not_know_is_shown_with_two_decimals() {
    assertThat(BillingMail.amount(1234, "zzz")).isEqualTo("ZZZ 12.34");
  }

  @Test
  void a_day_is_written_in_english_in_utc() {
    assertThat(BillingMail.date(Instant.parse("2026-12-31T23:30:00Z")))
        .isEqualTo("31 December 2026 (UTC)");
  }
}
