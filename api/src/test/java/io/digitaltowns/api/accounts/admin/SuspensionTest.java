package io.digitaltowns.api.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SuspensionTest extends ApiHttpTest {

  @Test
  void a_suspended_user_cannot_sign_in_refresh_or_use_a_live_access_token() {
    Member admin = admin();
    Member member = registerAndSignIn("suspended");

    HttpResponse<String> suspended =
        post("/api/admin/users/" + member.id() + "/suspend", admin.accessToken(), null);

    assertThat(suspended.statusCode()).isEqualTo(204);
    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(403);
    assertThat(
            post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken()))
                .statusCode())
        .isEqualTo(401);
    assertThat(get("/api/me", member.accessToken()).statusCode()).isEqualTo(401);
    assertThat(outboxEvents(member.id(), "UserSuspended")).isEqualTo(1);
  }

  @Test
  void a_reinstated_user_can_sign_in_again() {
    Member admin = admin();
    Member member = registerAndSignIn("reinstated");
    post("/api/admin/users/" + member.id() + "/suspend", admin.accessToken(), null);

    assertThat(
            post("/api/admin/users/" + member.id() + "/reinstate", admin.accessToken(), null)
                .statusCode())
        .isEqualTo(204);

    assertThat(login(member.email(), PASSWORD).statusCode()).isEqualTo(200);
    assertThat(outboxEvents(member.id(), "UserReinstated")).isEqualTo(1);
  }

  @Test
  void admins_find_users_by_part_of_their_email() {
    Member admin = admin();
    Member member = registerAndSignIn("findme");

    HttpResponse<String> found =
        get("/api/admin/users?q=" + member.email().substring(0, 15), admin.accessToken());

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(read(found).get("items").findValuesAsText("email")).containsExactly(member.email());
    assertThat(read(found).get("total").asLong()).isEqualTo(1);
  }

  @Test
  void suspending_an_unknown_user_is_a_404_and_a_resident_may_not_suspend_anyone() {
    Member admin = admin();
    Member resident = registerAndSignIn("resident");

    assertThat(
            post(
                    "/api/admin/users/" + java.util.UUID.randomUUID() + "/suspend",
                    admin.accessToken(),
                    null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            post("/api/admin/users/" + admin.id() + "/suspend", resident.accessToken(), null)
                .statusCode())
        .isEqualTo(403);
  }
}
