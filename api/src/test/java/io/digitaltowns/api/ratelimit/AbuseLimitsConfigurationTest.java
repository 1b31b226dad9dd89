package io.digitaltowns.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The module's own wiring, in a minimal Spring context (no database, no web server). */
class AbuseLimitsConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(AbuseLimitsConfiguration.class);

  @Test
  void without_configuration_the_limits_are_on_with_buckets_in_memory() {
    context.run(
        app -> {
          assertThat(app)
              .hasSingleBean(AbuseLimits.class)
              .hasSingleBean(AbuseLimitsProperties.class);
          assertThat(app.getBean(BucketStore.class)).isInstanceOf(LocalBucketStore.class);
          assertThat(
                  app.getBean(AbuseLimitsProperties.class)
                      .limitsFor(LimitedAction.LOGIN)
                      .perAccountCapacity())
              .isEqualTo(5);
        });
  }

  @Test
  void the_limits_follow_the_digitaltowns_abuse_limits_properties() {
    context
        .withPropertyValues("digitaltowns.abuse-limits.password-reset.per-account-capacity=1")
        .run(
            app -> {
              AbuseLimits limits = app.getBean(AbuseLimits.class);
              limits.check(LimitedAction.PASSWORD_RESET, "203.0.113.1", "ada@example.org");

              assertThat(
                      catchThrowableOfType(
                          TooManyRequestsException.class,
                          () ->
                              limits.check(
                                  LimitedAction.PASSWORD_RESET, "203.0.113.1", "ada@example.org")))
                  .isNotNull();
            });
  }

  @Test
  void switched_off_no_attempt_is_refused_and_no_redis_is_contacted() {
    context
        .withPropertyValues(
            "digitaltowns.abuse-limits.enabled=false",
            "digitaltowns.abuse-limits.redis-url=redis://127.0.0.1:1") // nothing listens there
        .run(
            app -> {
              assertThat(app).hasNotFailed();
              AbuseLimits limits = app.getBean(AbuseLimits.class);
              assertThatCode(
                      () -> {
                        for (int i = 0; i < 50; i++) {
                          limits.check(LimitedAction.LOGIN, "203.0.113.1", "ada@example.org");
                        }
                      })
                  .doesNotThrowAnyException();
            });
  }

  @Test
  void an_unreachable_redis_stops_the_start_instead_of_silently_running_without_shared_limits() {
    context
        .withPropertyValues("digitaltowns.abuse-limits.redis-url=redis://:s3cret@127.0.0.1:1")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("RedisConnectionException")
                    .satisfies(
                        failure -> assertThat(stackTrace(failure)).doesNotContain("s3cret")));
  }

  private static String stackTrace(Throwable failure) {
    java.io.StringWriter text = new java.io.StringWriter();
    failure.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
