package io.digitaltowns.api.ratelimit;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Abuse limits, {@code digitaltowns.abuse-limits.*}: one {@link Limits} per {@link LimitedAction}.
 * Every limit is a token bucket of {@code capacity} tokens that refills at {@code capacity} tokens
 * per {@code period}, smoothly (so after a burst one more attempt is allowed every {@code period /
 * capacity}). A capacity of {@code 0} switches that limit off. An action's settings sit under its
 * {@link LimitedAction#key() key}; whatever is left out keeps the action's {@link
 * LimitedAction#defaults() default}.
 *
 * <pre>
 * digitaltowns.abuse-limits:
 *   enabled: true
 *   redis-url: ${REDIS_URL:}
 *   login:
 *     per-ip-capacity: 10
 *     per-ip-period: 1m
 *     per-account-capacity: 5
 *     per-account-period: 15m
 * </pre>
 *
 * <p>Environment variables follow Spring's relaxed binding as before, e.g. {@code
 * DIGITALTOWNS_ABUSELIMITS_PASSWORDRESET_PERACCOUNTCAPACITY=1}. The actions' settings share the
 * prefix with {@code enabled} and {@code redis-url}, which a {@code Map} component of a
 * {@code @ConfigurationProperties} record cannot bind (it would read {@code enabled} as an action):
 * {@link #bind} walks the enum instead.
 *
 * @param enabled switch every limit off (for load tests, say); on by default
 * @param redisUrl REDIS_URL, e.g. {@code redis://:secret@redis:6379/0} or {@code rediss://…}: when
 *     set, the buckets live in Redis and are shared by every api instance; when blank, each
 *     instance keeps its own buckets in memory
 * @param redisTimeout how long a check waits for Redis; when Redis does not answer in time the
 *     request is let through (and a warning logged) rather than refused
 * @param limits the limits of every action
 */
public record AbuseLimitsProperties(
    boolean enabled, String redisUrl, Duration redisTimeout, Map<LimitedAction, Limits> limits) {

  public static final String PREFIX = "digitaltowns.abuse-limits";

  public AbuseLimitsProperties {
    requirePositive(redisTimeout);
    EnumMap<LimitedAction, Limits> complete = new EnumMap<>(LimitedAction.class);
    for (LimitedAction action : LimitedAction.values()) {
      Limits given = limits == null ? null : limits.get(action);
      complete.put(
          action, given == null ? action.defaults() : given.validated(PREFIX + "." + action.key()));
    }
    limits = Collections.unmodifiableMap(complete);
  }

  /**
   * {@code digitaltowns.abuse-limits.*} as Spring binds it; a wrong value fails with a {@link
   * org.springframework.boot.context.properties.bind.BindException} that names the setting.
   */
  public static AbuseLimitsProperties bind(Binder binder) {
    Switches switches = binder.bindOrCreate(PREFIX, Bindable.of(Switches.class));
    Map<LimitedAction, Limits> limits = new EnumMap<>(LimitedAction.class);
    for (LimitedAction action : LimitedAction.values()) {
      String name = PREFIX + "." + action.key();
      Limits.Settings settings =
          binder.bindOrCreate(
              name,
              Bindable.of(Limits.Settings.class),
              new BindHandler() {
                @Override
                public Object onSuccess(
                    ConfigurationPropertyName property,
                    Bindable<?> target,
                    BindContext context,
                    Object result) {
                  if (result instanceof Limits.Settings bound) {
                    bound
                        .over(action.defaults())
                        .validated(name); // fails inside the binding, so it names the setting
                  }
                  return result;
                }
              });
      limits.put(action, settings.over(action.defaults()));
    }
    return new AbuseLimitsProperties(
        switches.enabled(), switches.redisUrl(), switches.redisTimeout(), limits);
  }

  /** The limits that apply to one action. */
  public Limits limitsFor(LimitedAction action) {
    return limits.get(action);
  }

  /** Whether a Redis address is configured. */
  public boolean sharedThroughRedis() {
    return redisUrl != null && !redisUrl.isBlank();
  }

  /** The settings beside the actions' limits. */
  record Switches(
      @DefaultValue("true") boolean enabled,
      String redisUrl,
      @DefaultValue("1s") Duration redisTimeout) {

    Switches {
      requirePositive(
          redisTimeout); // here too, so that a wrong value fails the binding that names it
    }
  }

  private static void requirePositive(Duration redisTimeout) {
    if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
      throw new IllegalArgumentException(PREFIX + ".redis-timeout must be positive");
    }
  }
}
