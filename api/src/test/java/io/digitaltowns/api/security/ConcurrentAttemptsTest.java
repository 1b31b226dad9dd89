package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ApiHttpTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Commands and attempts fired at once, released together by one gate, hold the same rules as one at
 * a time.
 */
class ConcurrentAttemptsTest extends ApiHttpTest {

  @Test
  void ten_simultaneous_registrations_of_one_address_leave_one_account_and_one_event()
      throws Exception {
    String email = uniqueEmail("race");

    List<Integer> statuses =
        allAtOnce(
            10,
            () ->
                post(
                    "/api/auth/register",
                    null,
                    json()
                        .put("email", email)
                        .put("password", PASSWORD)
                        .put("displayName", "Racer")));

    assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    assertThat(statuses)
        .filteredOn(status -> status != 201)
        .allMatch(status -> status == 409 || status == 429);
    assertThat(
            jdbc.sql("SELECT id FROM users WHERE lower(email) = lower(:email)")
                .param("email", email)
                .query(java.util.UUID.class)
                .list())
        .singleElement()
        .satisfies(id -> assertThat(outboxEvents(id, "UserRegistered")).isEqualTo(1));
    assertThat(
            jdbc.sql(
                    """
            SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id WHERE lower(u.email) = lower(:email)
            """)
                .param("email", email)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void the_sign_in_limit_holds_when_twenty_attempts_arrive_at_once() throws Exception {
    Member member = registerAndSignIn("limited");
    // successes do not count: five failures per account and client address per quarter hour

    List<Integer> statuses = allAtOnce(20, () -> login(member.email(), "not the password at all"));

    assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
    assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
    assertThat(login(member.email(), PASSWORD).statusCode())
        .as("even the right password waits, from this address")
        .isEqualTo(429);
  }

  @Test
  void one_refresh_token_spent_twice_at_once_yields_at_most_one_new_session() throws Exception {
    Member member = registerAndSignIn("double-spend");

    List<Integer> statuses =
        allAtOnce(
            5,
            () ->
                post("/api/auth/refresh", null, json().put("refreshToken", member.refreshToken())));

    assertThat(statuses).filteredOn(status -> status == 200).hasSizeLessThanOrEqualTo(1);
    assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 401);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM refresh_tokens WHERE user_id = :id AND revoked_at IS NULL "
                        + "AND replaced_at IS NULL")
                .param("id", member.id())
                .query(Long.class)
                .single())
        .as("a reuse revokes the family: no live token is left")
        .isZero();
  }

  /**
   * Starts every call on its own thread, holds them at a gate, opens it, and collects the statuses.
   */
  private static List<Integer> allAtOnce(int calls, Supplier<HttpResponse<String>> call)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls);
    CountDownLatch ready = new CountDownLatch(calls);
    CountDownLatch gate = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        Callable<Integer> attempt =
            () -> {
              ready.countDown();
              gate.await();
              return call.get().statusCode();
            };
        results.add(threads.submit(attempt));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      gate.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get(60, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      threads.shutdownNow();
    }
  }
}
