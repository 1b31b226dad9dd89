package io.digitaltowns.events.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.digitaltowns.events.links.EmailLinkTokens.Purpose;
import org.junit.jupiter.api.Test;

class EmailLinkTokensTest {

  private final EmailLinkTokens tokens =
      new EmailLinkTokens("a-secret-of-at-least-thirty-two-bytes!!");

  @Test
  void the_api_and_the_email_consumer_derive_the_same_token_from_the_same_event() {
    EmailLinkTokens other = new EmailLinkTokens("a-secret-of-at-least-thirty-two-bytes!!");
    assertThat(tokens.tokenFor(Purpose.VERIFY_EMAIL, "e1"))
        .isEqualTo(other.tokenFor(Purpose.VERIFY_EMAIL, "e1"));
  }

  @Test
  void tokens_differ_by_event_purpose_and_key() {
    String token = tokens.tokenFor(Purpose.VERIFY_EMAIL, "e1");
    assertThat(tokens.tokenFor(Purpose.VERIFY_EMAIL, "e2")).isNotEqualTo(token);
    assertThat(tokens.tokenFor(Purpose.RESET_PASSWORD, "e1")).isNotEqualTo(token);
    assertThat(
            new EmailLinkTokens("another-secret-of-at-least-thirty-two-bytes")
                .tokenFor(Purpose.VERIFY_EMAIL, "e1"))
        .isNotEqualTo(token);
  }

  @Test
  void a_short_secret_is_refused() {
    assertThatThrownBy(() -> new EmailLinkTokens("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
