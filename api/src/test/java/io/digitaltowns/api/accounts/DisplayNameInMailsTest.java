package io.digitaltowns.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 finding 10: a display name goes into mails other people read, so it is one line without
 * links, at registration and at rename alike.
 */
class DisplayNameInMailsTest extends ApiHttpTest {

  private static final String PHISHING =
      "Ada\nSECURITY ALERT: confirm at http://evil.example/login";

  @Test
  void registering_with_a_line_break_and_a_link_in_the_name_is_a_bad_request_and_writes_nothing() {
    long usersBefore = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    String email = uniqueEmail("phisher");

    HttpResponse<String> response =
        post(
            "/api/auth/register",
            null,
            json().put("email", email).put("password", PASSWORD).put("displayName", PHISHING));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(read(response).get("errors").findValuesAsText("field"))
        .containsExactly("displayName");
    assertThat(read(response).get("errors").get(0).get("message").asText()).contains("single line");
    assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
        .isEqualTo(usersBefore);
  }

  @Test
  void a_domain_name_alone_is_refused_too() {
    HttpResponse<String> response =
        post(
            "/api/auth/register",
            null,
            json()
                .put("email", uniqueEmail("domain"))
                .put("password", PASSWORD)
                .put("displayName", "support at evil.com"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(read(response).get("errors").get(0).get("message").asText())
        .contains("web address or a domain name");
  }

  @Test
  void renaming_to_a_phishing_line_is_a_bad_request_and_keeps_the_old_name() {
    Member member = registerAndSignIn("renamer");

    for (String name :
        new String[] {
          PHISHING,
          "SECURITY ALERT: confirm at https://evil.example",
          "Ada\u200BLovelace",
          "x".repeat(DisplayName.MAX_CODE_POINTS + 1)
        }) {
      HttpResponse<String> renamed =
          patch("/api/me", member.accessToken(), json().put("displayName", name));
      assertThat(renamed.statusCode()).as(name).isEqualTo(400);
      assertThat(renamed.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(read(renamed).get("errors").findValuesAsText("field"))
          .containsExactly("displayName");
    }
    assertThat(read(get("/api/me", member.accessToken())).get("displayName").asText())
        .isEqualTo("renamer");
  }
}
