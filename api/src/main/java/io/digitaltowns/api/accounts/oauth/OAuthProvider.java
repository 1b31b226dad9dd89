package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.events.accounts.SignInMethod;
import io.digitaltowns.events.accounts.SignupMethod;
import java.util.Arrays;
import java.util.Optional;

/** The providers one can sign in with; {@link #registrationId()} is also the provider column of user_identities. */
enum OAuthProvider {

  GOOGLE("google", SignupMethod.GOOGLE, SignInMethod.GOOGLE),
  FACEBOOK("facebook", SignupMethod.FACEBOOK, SignInMethod.FACEBOOK);

  private final String registrationId;
  private final SignupMethod signupMethod;
  private final SignInMethod signInMethod;

  OAuthProvider(String registrationId, SignupMethod signupMethod, SignInMethod signInMethod) {
    this.registrationId = registrationId;
    this.signupMethod = signupMethod;
    this.signInMethod = signInMethod;
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
    return Arrays.stream(values()).filter(provider -> provider.registrationId.equals(registrationId)).findFirst();
  }
}
