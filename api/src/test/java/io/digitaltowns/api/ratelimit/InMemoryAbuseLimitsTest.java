package io.digitaltowns.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.digitaltowns.api.ratelimit.TestLimits.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** One api instance, buckets in memory, production defaults, a clock moved by hand. */
class InMemoryAbuseLimitsTest {

  private static final String ADA = "ada@example.org";

  private final ManualClock clock = new ManualClock();
  private final LocalBucketStore store = new LocalBucketStore(clock, 1_000, Duration.ofMinutes(1));
  private final AbuseLimits limits = new AbuseLimits(TestLimits.defaults(), store);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void the_sixth_login_attempt_for_one_account_within_the_window_is_refused_with_retry_after() {
    for (int i = 1; i <= 5; i++) {
      String address = "203.0.113." + i; // spread over addresses: only the account counts
      assertThatCode(() -> limits.check(LimitedAction.LOGIN, address, ADA))
          .doesNotThrowAnyException();
    }

    TooManyRequestsException refused =
        catchThrowableOfType(
            TooManyRequestsException.class,
            () -> limits.check(LimitedAction.LOGIN, "203.0.113.6", ADA));

    assertThat(refused).isNotNull();
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.action()).isEqualTo(LimitedAction.LOGIN);
    // 5 per 15 minutes, refilled smoothly: the next attempt is free in 3 minutes.
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 180L);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
        .isEqualTo(Long.toString(refused.retryAfterSeconds()));
  }

  @Test
  void the_problem_names_the_action_and_when_to_retry_but_not_the_account_or_address() {
    exhaustAccount(LimitedAction.LOGIN, ADA, 5);

    TooManyRequestsException refused =
        catchThrowableOfType(
            TooManyRequestsException.class,
            () -> limits.check(LimitedAction.LOGIN, "203.0.113.99", ADA));

    var problem = refused.getBody();
    assertThat(problem.getStatus()).isEqualTo(429);
    assertThat(problem.getType()).hasToString("https://digitaltowns.io/problems/too-many-requests");
    assertThat(problem.getTitle()).isEqualTo("Too many requests");
    assertThat(problem.getDetail())
        .isEqualTo("Too many sign-in attempts. Please try again in 3 minutes.");
    assertThat(problem.getProperties())
        .containsEntry("action", "login")
        .containsEntry("retryAfterSeconds", refused.retryAfterSeconds());
    assertThat(problem.toString() + refused.getMessage()).doesNotContain(ADA, "ada", "203.0.113");
  }

  @Test
  void another_account_is_still_allowed_when_one_account_is_refused() {
    exhaustAccount(LimitedAction.LOGIN, ADA, 5);
    assertRefused(() -> limits.check(LimitedAction.LOGIN, "203.0.113.50", ADA));

    assertThatCode(() -> limits.check(LimitedAction.LOGIN, "203.0.113.50", "grace@example.org"))
        .doesNotThrowAnyException();
  }

  @Test
  void
      the_eleventh_login_attempt_from_one_address_within_a_minute_is_refused_while_another_address_is_allowed() {
    for (int i = 1; i <= 10; i++) {
      String account = "user" + i + "@example.org"; // spread over accounts: only the address counts
      assertThatCode(() -> limits.check(LimitedAction.LOGIN, "198.51.100.7", account))
          .doesNotThrowAnyException();
    }

    TooManyRequestsException refused =
        assertRefused(
            () -> limits.check(LimitedAction.LOGIN, "198.51.100.7", "user11@example.org"));
    // 10 per minute: one more every 6 seconds.
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 6L);

    assertThatCode(() -> limits.check(LimitedAction.LOGIN, "198.51.100.8", "user11@example.org"))
        .doesNotThrowAnyException();
  }

  @Test
  void the_account_may_try_again_once_the_retry_after_has_passed() {
    exhaustAccount(LimitedAction.LOGIN, ADA, 5);
    TooManyRequestsException refused =
        assertRefused(() -> limits.check(LimitedAction.LOGIN, "203.0.113.60", ADA));

    clock.advance(Duration.ofSeconds(refused.retryAfterSeconds()));

    assertThatCode(() -> limits.check(LimitedAction.LOGIN, "203.0.113.61", ADA))
        .doesNotThrowAnyException();
    assertRefused(() -> limits.check(LimitedAction.LOGIN, "203.0.113.62", ADA));
  }

  @Test
  void an_address_that_is_refused_does_not_use_up_the_accounts_attempts() {
    String attacker = "192.0.2.66";
    for (int i = 1; i <= 10; i++) {
      limits.check(LimitedAction.LOGIN, attacker, "victim" + i + "@example.org");
    }
    for (int i = 0; i < 20; i++) {
      assertRefused(() -> limits.check(LimitedAction.LOGIN, attacker, ADA));
    }

    for (int i = 1; i <= 5; i++) {
      assertThatCode(() -> limits.check(LimitedAction.LOGIN, "203.0.113.1", ADA))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void the_account_key_is_counted_regardless_of_case_and_surrounding_spaces() {
    limits.check(LimitedAction.PASSWORD_RESET, "203.0.113.1", "Ada@Example.org");
    limits.check(LimitedAction.PASSWORD_RESET, "203.0.113.2", " ada@example.org ");
    limits.check(LimitedAction.PASSWORD_RESET, "203.0.113.3", "ADA@EXAMPLE.ORG");

    assertRefused(() -> limits.check(LimitedAction.PASSWORD_RESET, "203.0.113.4", ADA));
  }

  @Test
  void each_action_has_its_own_buckets() {
    exhaustAccount(LimitedAction.PASSWORD_RESET, ADA, 3);
    assertRefused(() -> limits.check(LimitedAction.PASSWORD_RESET, "203.0.113.9", ADA));

    assertThatCode(() -> limits.check(LimitedAction.VERIFICATION_RESEND, "203.0.113.9", ADA))
        .doesNotThrowAnyException();
    assertThatCode(() -> limits.check(LimitedAction.LOGIN, "203.0.113.9", ADA))
        .doesNotThrowAnyException();
  }

  @Test
  void registration_counts_only_the_address_by_default() {
    for (int i = 1; i <= 8; i++) {
      String address = "203.0.113." + i;
      assertThatCode(() -> limits.check(LimitedAction.REGISTER, address, ADA))
          .doesNotThrowAnyException();
    }
    for (int i = 1; i <= 5; i++) {
      limits.check(LimitedAction.REGISTER, "198.51.100.1", "new" + i + "@example.org");
    }
    TooManyRequestsException refused =
        assertRefused(
            () -> limits.check(LimitedAction.REGISTER, "198.51.100.1", "new6@example.org"));
    assertThat(refused.getBody().getDetail())
        .isEqualTo("Too many registration attempts. Please try again in 12 minutes.");
  }

  @Test
  void addresses_in_one_ipv6_64_network_share_a_bucket() {
    for (int i = 1; i <= 20; i++) {
      limits.check(LimitedAction.OAUTH_SIGN_IN, "2001:db8:1:2::" + Integer.toHexString(i), null);
    }

    assertRefused(
        () -> limits.check(LimitedAction.OAUTH_SIGN_IN, "2001:db8:1:2:ffff:ffff:ffff:ffff", null));
    assertThatCode(() -> limits.check(LimitedAction.OAUTH_SIGN_IN, "2001:db8:1:3::1", null))
        .doesNotThrowAnyException();
  }

  @Test
  void bucket_keys_name_the_action_and_address_and_hash_the_account() {
    assertThat(AbuseLimits.ipBucketKey(LimitedAction.LOGIN, "203.0.113.7"))
        .isEqualTo("dt:limit:login:ip:203.0.113.7");
    assertThat(AbuseLimits.ipBucketKey(LimitedAction.PASSWORD_RESET, "2001:db8:1:2:3:4:5:6"))
        .isEqualTo("dt:limit:password-reset:ip:2001:db8:1:2:0:0:0:0/64");
    assertThat(AbuseLimits.ipBucketKey(LimitedAction.LOGIN, "::ffff:203.0.113.7"))
        .isEqualTo("dt:limit:login:ip:203.0.113.7");
    assertThat(AbuseLimits.ipBucketKey(LimitedAction.LOGIN, null))
        .isEqualTo("dt:limit:login:ip:unknown");
    // printf 'ada@example.org' | sha256sum
    assertThat(AbuseLimits.accountBucketKey(LimitedAction.LOGIN, "Ada@Example.org"))
        .isEqualTo(
            "dt:limit:login:account:cfe00dde46ef942601ffafb9e2825e802858b460e586b8305b344c1eb826357d");
  }

  @Test
  void retry_after_is_whole_seconds_rounded_up_and_never_zero() {
    assertThat(AbuseLimits.retryAfterSeconds(0)).isEqualTo(1);
    assertThat(AbuseLimits.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(AbuseLimits.retryAfterSeconds(1_000_000_000)).isEqualTo(1);
    assertThat(AbuseLimits.retryAfterSeconds(1_000_000_001)).isEqualTo(2);
    assertThat(AbuseLimits.retryAfterSeconds(Duration.ofMinutes(3).toNanos())).isEqualTo(180);
  }

  @Test
  void switched_off_limits_let_every_attempt_through() {
    AbuseLimits off = new AbuseLimits(TestLimits.properties(Map.of("enabled", "false")), store);

    for (int i = 0; i < 100; i++) {
      off.check(LimitedAction.LOGIN, "203.0.113.1", ADA);
    }
    assertThat(store.size()).isZero();
  }

  @Test
  void sign_in_failures_count_per_account_and_address_and_successes_are_handed_back() {
    for (int i = 0; i < 8; i++) { // more than five, under the address's ten a minute
      limits.attempt(LimitedAction.LOGIN, "198.51.100.1", ADA).succeeded();
    }
    for (int i = 0; i < 5; i++) {
      limits.attempt(
          LimitedAction.LOGIN, "203.0.113.66", ADA); // failed guesses: nothing handed back
    }

    assertRefused(() -> limits.attempt(LimitedAction.LOGIN, "203.0.113.66", ADA));
    assertThatCode(() -> limits.attempt(LimitedAction.LOGIN, "198.51.100.1", ADA).succeeded())
        .as("the owner's address")
        .doesNotThrowAnyException();
    clock.advance(Duration.ofMinutes(3));
    assertThatCode(() -> limits.attempt(LimitedAction.LOGIN, "203.0.113.66", ADA))
        .as("one more guess once a token refilled")
        .doesNotThrowAnyException();
    assertRefused(() -> limits.attempt(LimitedAction.LOGIN, "203.0.113.66", ADA));
  }

  @Test
  void the_account_at_address_bucket_key_hashes_the_pair() {
    String key =
        AbuseLimits.accountAtAddressBucketKey(
            LimitedAction.LOGIN, " Ada@Example.org ", "203.0.113.7");

    assertThat(key)
        .startsWith("dt:limit:login:account-at-address:")
        .doesNotContain("ada")
        .doesNotContain("203.0.113");
    assertThat(key)
        .isEqualTo(AbuseLimits.accountAtAddressBucketKey(LimitedAction.LOGIN, ADA, "203.0.113.7"))
        .isNotEqualTo(
            AbuseLimits.accountAtAddressBucketKey(LimitedAction.LOGIN, ADA, "203.0.113.8"));
  }

  private void exhaustAccount(LimitedAction action, String account, int capacity) {
    for (int i = 1; i <= capacity; i++) {
      limits.check(action, "192.0.2." + i, account);
    }
  }

  private static TooManyRequestsException assertRefused(Runnable attempt) {
    TooManyRequestsException refused =
        catchThrowableOfType(TooManyRequestsException.class, attempt::run);
    assertThat(refused).as("refused with 429").isNotNull();
    assertThat(refused.retryAfterSeconds()).isGreaterThanOrEqualTo(1);
    return refused;
  }
}
