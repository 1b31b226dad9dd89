package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.events.accounts.SignInMethod;
import io.digitaltowns.events.accounts.SignupMethod;
import java.util.Arrays;
import java.util.Optional;

/**
 * The providers one can sign in with; {@link #registrationId()} is also the provider column of
 * user_identities.
 */
enum OAuthProvider {
  GOOGLE("google", SignupMethod.GOOGLE, SignInMethod.GOOGLE, true),
  /**
   * Facebook's Graph API says nothing about whether the address it shares was confirmed (there is
   * no {@code email_verified} for most apps), so its addresses count as unverified unless it says
   * so.
   */
  FACEBOOK("facebook", SignupMethod.FACEBOOK, SignInMethod.FACEBOOK, false);

  private final String registrationId;
  private final SignupMethod signupMethod;
  private final SignInMethod signInMethod;
  private final boolean saysWhetherAddressIsVerified;

  OAuthProvider(
      String registrationId,
      SignupMethod signupMethod,
      SignInMethod signInMethod,
      boolean saysWhetherAddressIsVerified) {
    this.registrationId = registrationId;
    this.signupMethod = signupMethod;
    this.signInMethod = signInMethod;
    this.saysWhetherAddressIsVerified = saysWhetherAddressIsVerified;
  }

  /**
   * Google states for every address whether it is verified, so an unverified one is a warning and
   * is refused; Facebook does not, so its unverified address may still start a new account of its
   * own.
   */
  boolean saysWhetherAddressIsVerified() {
    return saysWhetherAddressIsVerified;
  }

  String registrationId() {
    return registrationId;
  }

  SignupMethod signupMethod() {
    return signupMethod;
  }

  SignInMethod signInMethod() {
    return signInMethod;
  }

  String displayName() {
    return this == GOOGLE ? "Google" : "Facebook";
  }

  static Optional<OAuthProvider> byRegistrationId(String registrationId) {
    return Arrays.stream(values())
        .filter(provider -> provider.registrationId.equals(registrationId))
        .findFirst();
  }
}
