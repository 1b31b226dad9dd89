package io.digitaltowns.api.accounts.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MyAccountTest extends ApiHttpTest {

  @Test
  void i_can_change_my_display_name() {
    Member member = registerAndSignIn("rename");

    HttpResponse<String> renamed = patch("/api/me", member.accessToken(), json().put("displayName", "New Name"));

    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(read(get("/api/me", member.accessToken())).get("displayName").asText()).isEqualTo("New Name");
    assertThat(patch("/api/me", member.accessToken(), json().put("displayName", " ")).statusCode()).isEqualTo(400);
  }

  @Test
  void changing_my_password_needs_the_current_one_and_ends_my_sessions() {
    Member member = registerAndSignIn("changepw");

    HttpResponse<String> wrong = post("/api/me/password", member.accessToken(),
        json().put("currentPassword", "not my password").put("newPassword", "a brand new passphrase"));
    assertThat(wrong.statusCode()).isEqualTo(400);

    HttpResponse<String> changed = post("/api/me/password", member.accessToken(),
        json().put("currentPassword", PASSWORD).put("newPassword", "a brand new passphrase"));

    assertThat(changed.statusCode()).isEqualTo(204);
    assertThat(login(member.email(), "a brand new passphrase").statusCode()).isEqualTo(200);
    assertThat(post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())).statusCode()).isEqualTo(401);
    assertThat(outboxEvents(member.id(), "PasswordChanged")).isEqualTo(1);
  }

  @Test
  void deleting_my_account_erases_it_and_tells_every_consumer() {
    Member member = registerAndSignIn("delete");

    assertThat(delete("/api/me", member.accessToken()).statusCode()).isEqualTo(204);

    assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = :id").param("id", member.id()).query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id = :id").param("id", member.id())
        .query(Long.class).single()).isZero();
    assertThat(outboxEvents(member.id(), "UserDeleted")).isEqualTo(1);
    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(401);
  }
}
