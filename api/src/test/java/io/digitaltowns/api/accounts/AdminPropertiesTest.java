package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * ADMIN_EMAILS is read into normal-form addresses at startup; an entry that is not one stops the
 * start.
 */
class AdminPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(AdminPromotion.AdminProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Properties.class);

  @Test
  void entries_are_put_in_normal_form_and_blank_ones_skipped() {
    AdminPromotion.AdminProperties properties =
        new AdminPromotion.AdminProperties(
            List.of(" Ops-Admin@DigitalTowns.org ", "", "ana@bücher.de"));

    assertThat(properties.addresses())
        .containsExactlyInAnyOrder(
            EmailAddress.parse("ops-admin@digitaltowns.org"),
            EmailAddress.parse("ana@xn--bcher-kva.de"));
  }

  @Test
  void a_look_alike_or_malformed_entry_fails_the_start_naming_the_setting_and_the_entry() {
    context
        .withPropertyValues(
            "digitaltowns.admins.emails=ops-admin@digitaltowns.org,ops-admın@dıgıtaltowns.org")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ADMIN_EMAILS")
                    .hasMessageContaining("entry 2")
                    .hasMessageContaining("only ASCII letters"));
    context
        .withPropertyValues("digitaltowns.admins.emails=not-an-address")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("ADMIN_EMAILS")
                    .hasMessageContaining("entry 1"));
  }
}
