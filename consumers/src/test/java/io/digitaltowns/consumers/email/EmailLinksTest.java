package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailLinksTest {

  private static final String SECRET = "a-test-email-link-secret-of-at-least-32-bytes";

  private final EmailLinkTokens tokens = new EmailLinkTokens(SECRET);
  private final String eventId = UUID.randomUUID().toString();

  @Test
  void
      the_verification_link_leads_to_the_api_with_the_token_derived_for_verification_from_the_event() {
    EmailLinks links = links("https://towns.example.org");

    assertThat(links.verifyEmail(eventId))
        .isEqualTo(
            "https://towns.example.org/api/auth/verify-email?token="
                + tokens.tokenFor(Purpose.VERIFY_EMAIL, eventId));
  }

  @Test
  void
      the_reset_link_leads_to_the_reset_page_with_the_token_derived_for_resetting_from_the_event() {
    EmailLinks links = links("https://towns.example.org");

    assertThat(links.resetPassword(eventId))
        .isEqualTo(
            "https://towns.example.org/reset-password?token="
                + tokens.tokenFor(Purpose.RESET_PASSWORD, eventId));
    assertThat(links.resetPassword(eventId))
        .doesNotContain(tokens.tokenFor(Purpose.VERIFY_EMAIL, eventId));
  }

  @Test
  void each_event_gets_its_own_token() {
    EmailLinks links = links("https://towns.example.org");

    assertThat(links.verifyEmail(eventId))
        .isNotEqualTo(links.verifyEmail(UUID.randomUUID().toString()));
  }

  @Test
  void a_trailing_slash_in_the_public_base_url_does_not_double_the_slash_in_links() {
    assertThat(links("https://towns.example.org/").verifyEmail(eventId))
        .startsWith("https://towns.example.org/api/auth/verify-email?token=");
    assertThat(links("https://towns.example.org/town/").resetPassword(eventId))
        .startsWith("https://towns.example.org/town/reset-password?token=");
  }

  @Test
  void the_settings_never_print_the_link_secret() {
    assertThat(
            new EmailProperties("a@b.c", "https://towns.example.org", SECRET, List.of()).toString())
        .doesNotContain(SECRET);
  }

  @Test
  void
      the_review_link_leads_to_the_admin_page_of_the_business_and_the_listing_link_to_its_public_page() {
    EmailLinks links = links("https://towns.example.org/");
    String businessId = UUID.randomUUID().toString();

    assertThat(links.reviewBusiness(businessId))
        .isEqualTo("https://towns.example.org/admin/businesses/" + businessId);
    assertThat(links.business(businessId))
        .isEqualTo("https://towns.example.org/businesses/" + businessId);
    assertThat(links.business("a/b c?d"))
        .isEqualTo("https://towns.example.org/businesses/a%2Fb%20c%3Fd");
  }

  @Test
  void admin_addresses_are_trimmed_and_deduplicated_and_never_printed() {
    EmailProperties properties =
        new EmailProperties(
            "a@b.c",
            "https://towns.example.org",
            SECRET,
            List.of(
                " one@towns.example.org ", "", "two@towns.example.org", "ONE@towns.example.org"));

    assertThat(properties.adminAddresses())
        .containsExactly("one@towns.example.org", "two@towns.example.org");
    assertThat(properties.toString()).doesNotContain("one@", "two@");
    assertThat(
            new EmailProperties("a@b.c", "https://towns.example.org", SECRET, null)
                .adminAddresses())
        .isEmpty();
  }

  private EmailLinks links(String publicBaseUrl) {
    return new EmailLinks(
        tokens,
        new EmailProperties(
            "DigitalTowns <no-reply@towns.example.org>", publicBaseUrl, SECRET, List.of()));
  }
}
