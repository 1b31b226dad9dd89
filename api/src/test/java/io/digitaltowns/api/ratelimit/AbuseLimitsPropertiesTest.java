package io.digitaltowns.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AbuseLimitsPropertiesTest {

  @Test
  void without_any_configuration_the_production_defaults_apply() {
    AbuseLimitsProperties properties = TestLimits.defaults();

    assertThat(properties.enabled()).isTrue();
    assertThat(properties.sharedThroughRedis()).isFalse();
    assertThat(properties.redisTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertLimits(
        properties.limitsFor(LimitedAction.LOGIN),
        10,
        Duration.ofMinutes(1),
        5,
        Duration.ofMinutes(15));
    assertLimits(
        properties.limitsFor(LimitedAction.REGISTER),
        5,
        Duration.ofHours(1),
        0,
        Duration.ofHours(1));
    assertLimits(
        properties.limitsFor(LimitedAction.PASSWORD_RESET),
        5,
        Duration.ofHours(1),
        3,
        Duration.ofHours(1));
    assertLimits(
        properties.limitsFor(LimitedAction.VERIFICATION_RESEND),
        5,
        Duration.ofHours(1),
        3,
        Duration.ofHours(1));
    assertLimits(
        properties.limitsFor(LimitedAction.OAUTH_SIGN_IN),
        20,
        Duration.ofMinutes(1),
        0,
        Duration.ofMinutes(1));
  }

  @Test
  void one_setting_can_be_changed_and_the_rest_of_that_action_keeps_its_own_defaults() {
    AbuseLimitsProperties properties =
        TestLimits.properties(
            Map.of(
                "login.per-account-capacity", "3",
                "redis-url", "redis://redis:6379"));

    assertLimits(
        properties.limitsFor(LimitedAction.LOGIN),
        10,
        Duration.ofMinutes(1),
        3,
        Duration.ofMinutes(15));
    assertThat(properties.sharedThroughRedis()).isTrue();
  }

  @Test
  void the_environment_variables_set_an_action_s_limits_as_before() {
    var environment = new StandardEnvironment();
    // Spring maps DIGITALTOWNS_ABUSELIMITS_... to digitaltowns.abuse-limits... only in the system
    // environment source
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.<String, Object>of(
                    "DIGITALTOWNS_ABUSELIMITS_PASSWORDRESET_PERACCOUNTCAPACITY",
                    "1",
                    "DIGITALTOWNS_ABUSELIMITS_OAUTHSIGNIN_PERIPPERIOD",
                    "5m",
                    "DIGITALTOWNS_ABUSELIMITS_ENABLED",
                    "false")));

    AbuseLimitsProperties properties = AbuseLimitsProperties.bind(Binder.get(environment));

    assertThat(properties.enabled()).isFalse();
    assertLimits(
        properties.limitsFor(LimitedAction.PASSWORD_RESET),
        5,
        Duration.ofHours(1),
        1,
        Duration.ofHours(1));
    assertLimits(
        properties.limitsFor(LimitedAction.OAUTH_SIGN_IN),
        20,
        Duration.ofMinutes(5),
        0,
        Duration.ofMinutes(1));
    assertLimits(
        properties.limitsFor(LimitedAction.LOGIN),
        10,
        Duration.ofMinutes(1),
        5,
        Duration.ofMinutes(15));
  }

  @Test
  void every_action_has_its_limits() {
    assertThat(TestLimits.defaults().limits()).containsOnlyKeys(LimitedAction.values());
  }

  @Test
  void a_blank_redis_url_means_buckets_in_memory() {
    assertThat(TestLimits.properties(Map.of("redis-url", " ")).sharedThroughRedis()).isFalse();
  }

  @Test
  void a_negative_capacity_or_an_empty_period_stops_the_start() {
    assertThatThrownBy(() -> TestLimits.properties(Map.of("login.per-ip-capacity", "-1")))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage(
            "digitaltowns.abuse-limits.login.per-ip-capacity must be 0 (no limit) or more");
    assertThatThrownBy(
            () -> TestLimits.properties(Map.of("password-reset.per-account-period", "0s")))
        .isInstanceOf(BindException.class)
        .hasRootCauseMessage(
            "digitaltowns.abuse-limits.password-reset.per-account-period must be positive");
  }

  private static void assertLimits(
      Limits limits,
      long perIpCapacity,
      Duration perIpPeriod,
      long perAccountCapacity,
      Duration perAccountPeriod) {
    assertThat(limits.perIpCapacity()).isEqualTo(perIpCapacity);
    assertThat(limits.perIpPeriod()).isEqualTo(perIpPeriod);
    assertThat(limits.perAccountCapacity()).isEqualTo(perAccountCapacity);
    assertThat(limits.perAccountPeriod()).isEqualTo(perAccountPeriod);
  }
}
