package io.digitaltowns.consumers.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.events.links.EmailLinkTokens;
import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailLinksTest {

  private static final String SECRET = "a-test-email-link-secret-of-at-least-32-bytes";

  private final EmailLinkTokens tokens = new EmailLinkTokens(SECRET);
  private final String eventId = UUID.randomUUID().toString();

  @Test
  void the_verification_link_leads_to_the_api_with_the_token_derived_for_verification_from_the_event() {
    EmailLinks links = links("https://towns.example.org");

    assertThat(links.verifyEmail(eventId)).isEqualTo(
        "https://towns.example.org/api/auth/verify-email?token=" + tokens.tokenFor(Purpose.VERIFY_EMAIL, eventId));
  }

  @Test
  void the_reset_link_leads_to_the_reset_page_with_the_token_derived_for_resetting_from_the_event() {
    EmailLinks links = links("https://towns.example.org");

    assertThat(links.resetPassword(eventId)).isEqualTo(
        "https://towns.example.org/reset-password?token=" + tokens.tokenFor(Purpose.RESET_PASSWORD, eventId));
    assertThat(links.resetPassword(eventId)).doesNotContain(tokens.tokenFor(Purpose.VERIFY_EMAIL, eventId));
  }

  @Test
  void each_event_gets_its_own_token() {
    EmailLinks links = links("https://towns.example.org");

    assertThat(links.verifyEmail(eventId)).isNotEqualTo(links.verifyEmail(UUID.randomUUID().toString()));
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
    assertThat(new EmailProperties("a@b.c", "https://towns.example.org", SECRET).toString()).doesNotContain(SECRET);
  }

  private EmailLinks links(String publicBaseUrl) {
    return new EmailLinks(tokens, new EmailProperties("DigitalTowns <no-reply@towns.example.org>", publicBaseUrl, SECRET));
  }
}
