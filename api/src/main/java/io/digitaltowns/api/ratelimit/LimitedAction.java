package io.digitaltowns.api.ratelimit;

import java.time.Duration;

/**
 * The actions that are limited per client IP and per account, each with its default {@link Limits}
 * (the production values; {@code digitaltowns.abuse-limits.<key>.*} changes them).
 */
public enum LimitedAction {

  /**
   * {@code POST /api/auth/register}: 5 an hour per IP; no per-account limit (a taken address
   * answers 409 anyway).
   */
  REGISTER(
      "register", "registration attempts", limits(5, Duration.ofHours(1), 0, Duration.ofHours(1))),
  /**
   * Password sign-in: 10 attempts a minute per IP; 5 <em>failed</em> attempts per 15 minutes per
   * account and client address (a success hands its token back), so guessing from one address never
   * locks the owner out from another.
   */
  LOGIN("login", "sign-in attempts", limits(10, Duration.ofMinutes(1), 5, Duration.ofMinutes(15))),
  /** Password-reset emails: 5 an hour per IP, 3 an hour per account. */
  PASSWORD_RESET(
      "password-reset",
      "password reset requests",
      limits(5, Duration.ofHours(1), 3, Duration.ofHours(1))),
  /** Verification emails sent again: 5 an hour per IP, 3 an hour per account. */
  VERIFICATION_RESEND(
      "verification-resend",
      "verification email requests",
      limits(5, Duration.ofHours(1), 3, Duration.ofHours(1))),
  /** Sign-in with Google / Facebook: 20 a minute per IP; no per-account limit. */
  OAUTH_SIGN_IN(
      "oauth-sign-in",
      "social sign-in attempts",
      limits(20, Duration.ofMinutes(1), 0, Duration.ofMinutes(1))),
  /** Messages to businesses: 20 an hour per IP, 10 an hour per sender. */
  BUSINESS_CONTACT(
      "business-contact",
      "messages to businesses",
      limits(20, Duration.ofHours(1), 10, Duration.ofHours(1))),
  /**
   * Signed-in requests that prove the current password (change it, delete the account): no per-IP
   * limit (the user is known), 5 per 15 minutes per user, so that a stolen access token does not
   * become a password oracle.
   */
  CURRENT_PASSWORD(
      "current-password",
      "attempts with the current password",
      limits(0, Duration.ofMinutes(1), 5, Duration.ofMinutes(15)));

  private final String key;
  private final String description;
  private final Limits defaults;

  LimitedAction(String key, String description, Limits defaults) {
    this.key = key;
    this.description = description;
    this.defaults = defaults;
  }

  /** The name used in bucket keys, problem bodies and settings, e.g. {@code password-reset}. */
  public String key() {
    return key;
  }

  /** What is being counted, in plain words, e.g. {@code sign-in attempts}. */
  public String description() {
    return description;
  }

  /** The limits that apply when the configuration says nothing about this action. */
  public Limits defaults() {
    return defaults;
  }

  private static Limits limits(
      long perIpCapacity,
      Duration perIpPeriod,
      long perAccountCapacity,
      Duration perAccountPeriod) {
    return new Limits(perIpCapacity, perIpPeriod, perAccountCapacity, perAccountPeriod);
  }
}
