package io.digitaltowns.api.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits, {@code digitaltowns.abuse-limits.*}. Every limit is a token bucket of
 * {@code capacity} tokens that refills at {@code capacity} tokens per {@code period}, smoothly
 * (so after a burst one more attempt is allowed every {@code period / capacity}). A capacity of
 * {@code 0} switches that limit off.
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
 * @param enabled            switch every limit off (for load tests, say); on by default
 * @param redisUrl           REDIS_URL, e.g. {@code redis://:secret@redis:6379/0} or {@code rediss://…}:
 *                           when set, the buckets live in Redis and are shared by every api
 *                           instance; when blank, each instance keeps its own buckets in memory
 * @param redisTimeout       how long a check waits for Redis; when Redis does not answer in time
 *                           the request is let through (and a warning logged) rather than refused
 * @param register           {@code POST /api/auth/register}; per IP only by default
 * @param login              password sign-in
 * @param passwordReset      requests for a password-reset email
 * @param verificationResend requests to send the verification email again
 * @param oauthSignIn        sign-in with Google / Facebook; per IP only by default
 * @param businessContact    messages from residents to businesses
 * @param currentPassword    signed-in requests that prove the current password (change it, delete the
 *                           account), per user: a stolen access token must not become a password oracle
 */
@ConfigurationProperties("digitaltowns.abuse-limits")
public record AbuseLimitsProperties(
    @DefaultValue("true") boolean enabled,
    String redisUrl,
    @DefaultValue("1s") Duration redisTimeout,
    @DefaultValue Register register,
    @DefaultValue Login login,
    @DefaultValue PasswordReset passwordReset,
    @DefaultValue VerificationResend verificationResend,
    @DefaultValue OauthSignIn oauthSignIn,
    @DefaultValue BusinessContact businessContact,
    @DefaultValue CurrentPassword currentPassword) {

  public AbuseLimitsProperties {
    if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
      throw new IllegalArgumentException("digitaltowns.abuse-limits.redis-timeout must be positive");
    }
  }

  /** The limits that apply to one action. */
  public ActionLimits limitsFor(LimitedAction action) {
    return switch (action) {
      case REGISTER -> register;
      case LOGIN -> login;
      case PASSWORD_RESET -> passwordReset;
      case VERIFICATION_RESEND -> verificationResend;
      case OAUTH_SIGN_IN -> oauthSignIn;
      case BUSINESS_CONTACT -> businessContact;
      case CURRENT_PASSWORD -> currentPassword;
    };
  }

  /** Whether a Redis address is configured. */
  public boolean sharedThroughRedis() {
    return redisUrl != null && !redisUrl.isBlank();
  }

  /** The per-IP and per-account limits of one action; a capacity of 0 means no limit. */
  public sealed interface ActionLimits permits Register, Login, PasswordReset, VerificationResend, OauthSignIn,
      BusinessContact, CurrentPassword {

    long perIpCapacity();

    Duration perIpPeriod();

    long perAccountCapacity();

    Duration perAccountPeriod();
  }

  /** Registration: 5 an hour per IP; no per-account limit (a taken address answers 409 anyway). */
  public record Register(
      @DefaultValue("5") long perIpCapacity,
      @DefaultValue("1h") Duration perIpPeriod,
      @DefaultValue("0") long perAccountCapacity,
      @DefaultValue("1h") Duration perAccountPeriod) implements ActionLimits {

    public Register {
      validate("register", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  /**
   * Password sign-in: 10 attempts a minute per IP; 5 <em>failed</em> attempts per 15 minutes per account
   * and client address (a success hands its token back), so guessing from one address never locks the
   * owner out from another.
   */
  public record Login(
      @DefaultValue("10") long perIpCapacity,
      @DefaultValue("1m") Duration perIpPeriod,
      @DefaultValue("5") long perAccountCapacity,
      @DefaultValue("15m") Duration perAccountPeriod) implements ActionLimits {

    public Login {
      validate("login", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  /** Password-reset emails: 5 an hour per IP, 3 an hour per account. */
  public record PasswordReset(
      @DefaultValue("5") long perIpCapacity,
      @DefaultValue("1h") Duration perIpPeriod,
      @DefaultValue("3") long perAccountCapacity,
      @DefaultValue("1h") Duration perAccountPeriod) implements ActionLimits {

    public PasswordReset {
      validate("password-reset", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  /** Verification emails sent again: 5 an hour per IP, 3 an hour per account. */
  public record VerificationResend(
      @DefaultValue("5") long perIpCapacity,
      @DefaultValue("1h") Duration perIpPeriod,
      @DefaultValue("3") long perAccountCapacity,
      @DefaultValue("1h") Duration perAccountPeriod) implements ActionLimits {

    public VerificationResend {
      validate("verification-resend", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  /** Sign-in with Google / Facebook: 20 a minute per IP; no per-account limit. */
  public record OauthSignIn(
      @DefaultValue("20") long perIpCapacity,
      @DefaultValue("1m") Duration perIpPeriod,
      @DefaultValue("0") long perAccountCapacity,
      @DefaultValue("1m") Duration perAccountPeriod) implements ActionLimits {

    public OauthSignIn {
      validate("oauth-sign-in", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  /** Messages to businesses: 20 an hour per IP, 10 an hour per sender. */
  public record BusinessContact(
      @DefaultValue("20") long perIpCapacity,
      @DefaultValue("1h") Duration perIpPeriod,
      @DefaultValue("10") long perAccountCapacity,
      @DefaultValue("1h") Duration perAccountPeriod) implements ActionLimits {

    public BusinessContact {
      validate("business-contact", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  /** The current password proven while signed in: no per-IP limit (the user is known), 5 per 15 minutes per user. */
  public record CurrentPassword(
      @DefaultValue("0") long perIpCapacity,
      @DefaultValue("1m") Duration perIpPeriod,
      @DefaultValue("5") long perAccountCapacity,
      @DefaultValue("15m") Duration perAccountPeriod) implements ActionLimits {

    public CurrentPassword {
      validate("current-password", perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
    }
  }

  private static void validate(String action, long perIpCapacity, Duration perIpPeriod,
      long perAccountCapacity, Duration perAccountPeriod) {
    validate(action + ".per-ip", perIpCapacity, perIpPeriod);
    validate(action + ".per-account", perAccountCapacity, perAccountPeriod);
  }

  private static void validate(String limit, long capacity, Duration period) {
    String name = "digitaltowns.abuse-limits." + limit;
    if (capacity < 0) {
      throw new IllegalArgumentException(name + "-capacity must be 0 (no limit) or more");
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(name + "-period must be positive");
    }
  }
}
