package io.digitaltowns.api.site.signin;

import io.digitaltowns.api.accounts.oauth.SiteSignIn;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a Google or Facebook sign-in did not sign in, as the sign-in page says it ({@code
 * ?provider=refused}).
 */
enum ProviderFailure {
  REFUSED(
      "refused",
      "Google or Facebook did not confirm an email address we can use for you here, or this account "
          + "cannot be used. Sign in with your email and password, or reset your password by email."),
  FAILED(
      "failed",
      "Signing in with Google or Facebook did not succeed. Try again, or sign in with your email and "
          + "password."),
  UNAVAILABLE(
      "unavailable", "Google or Facebook cannot be reached right now. Try again in a moment.");

  private final String key;
  private final String message;

  ProviderFailure(String key, String message) {
    this.key = key;
    this.message = message;
  }

  static ProviderFailure of(SiteSignIn.Failure failure) {
    return switch (failure) {
      case REFUSED -> REFUSED;
      case FAILED -> FAILED;
      case UNAVAILABLE -> UNAVAILABLE;
    };
  }

  /**
   * The failure a {@code ?provider=} value names; only these fixed texts can appear on the page.
   */
  static Optional<ProviderFailure> byKey(String key) {
    return Arrays.stream(values()).filter(failure -> failure.key.equals(key)).findFirst();
  }

  String key() {
    return key;
  }

  String message() {
    return message;
  }
}
