package io.digitaltowns.api.accounts.oauth;

import io.digitaltowns.api.accounts.DisplayName;
import io.digitaltowns.api.accounts.EmailAddress;
import io.digitaltowns.api.accounts.InvalidDisplayNameException;
import io.digitaltowns.api.accounts.InvalidEmailAddressException;
import java.util.Optional;

/**
 * Who the provider says signed in.
 *
 * @param subject the provider's stable id of the person (never their email, which can change)
 * @param sharedEmail the address as the provider sent it, or null when it shared none
 * @param emailVerified whether the provider vouches that the person receives mail at that address
 * @param name the person's name at the provider, or null
 */
record ProviderIdentity(
    OAuthProvider provider,
    String subject,
    String sharedEmail,
    boolean emailVerified,
    String name) {

  /**
   * what an account is called when neither the provider's name nor the address gives a usable one
   */
  static final String FALLBACK_NAME = "DigitalTowns member";

  ProviderIdentity {
    sharedEmail = sharedEmail == null || sharedEmail.isBlank() ? null : sharedEmail;
    emailVerified = emailVerified && sharedEmail != null;
  }

  /**
   * The shared address in its normal form, made here as at every other edge.
   *
   * @return empty when the provider shared none
   * @throws OAuthSignInRefusedException when it is not an address we accept (a look-alike, say)
   */
  Optional<EmailAddress> email() {
    if (sharedEmail == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(EmailAddress.parse(sharedEmail));
    } catch (InvalidEmailAddressException unusable) {
      throw new OAuthSignInRefusedException(
          "The email address "
              + provider.displayName()
              + " shared "
              + unusable.reason()
              + ", so it cannot be used here. Sign in another way.");
    }
  }

  boolean hasVerifiedEmail() {
    return emailVerified;
  }

  /**
   * The provider's name when it is a valid display name (cut to its length), else the part of the
   * address before the @ when that is one, else a neutral name the person can change.
   */
  String displayName(EmailAddress email) {
    String local = email.value().substring(0, email.value().indexOf('@'));
    for (String candidate : new String[] {name, local}) {
      if (candidate == null) {
        continue;
      }
      String stripped = candidate.strip();
      if (stripped.codePointCount(0, stripped.length()) > DisplayName.MAX_CODE_POINTS) {
        stripped =
            stripped.substring(0, stripped.offsetByCodePoints(0, DisplayName.MAX_CODE_POINTS));
      }
      try {
        return DisplayName.parse(stripped);
      } catch (InvalidDisplayNameException refused) {
        // next candidate
      }
    }
    return FALLBACK_NAME;
  }
}
