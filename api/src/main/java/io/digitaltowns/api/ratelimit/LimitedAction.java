package io.digitaltowns.api.ratelimit;

/** The actions that are limited per client IP and per account. */
public enum LimitedAction {

  REGISTER("register", "registration attempts"),
  LOGIN("login", "sign-in attempts"),
  PASSWORD_RESET("password-reset", "password reset requests"),
  VERIFICATION_RESEND("verification-resend", "verification email requests"),
  OAUTH_SIGN_IN("oauth-sign-in", "social sign-in attempts"),
  BUSINESS_CONTACT("business-contact", "messages to businesses"),
  CURRENT_PASSWORD("current-password", "attempts with the current password");

  private final String key;
  private final String description;

  LimitedAction(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The name used in bucket keys and problem bodies, e.g. {@code password-reset}. */
  public String key() {
    return key;
  }

  /** What is being counted, in plain words, e.g. {@code sign-in attempts}. */
  public String description() {
    return description;
  }
}
