package io.digitaltowns.api.accounts.oauth;

import java.util.Locale;

/**
 * Who the provider says signed in.
 *
 * @param subject       the provider's stable id of the person (never their email, which can change)
 * @param email         lower-cased, or null when the provider shared none
 * @param emailVerified whether the provider vouches that the person receives mail at {@code email}
 * @param name          the person's name at the provider, or null
 */
record ProviderIdentity(OAuthProvider provider, String subject, String email, boolean emailVerified, String name) {

  ProviderIdentity {
    email = email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    emailVerified = emailVerified && email != null;
  }

  boolean hasVerifiedEmail() {
    return emailVerified;
  }

  /** The provider's name, else the part of the address before the @, within the 100 characters a display name may have. */
  String displayName() {
    String chosen = name != null && !name.isBlank() ? name.trim()
        : email.indexOf('@') > 0 ? email.substring(0, email.indexOf('@')) : email;
    return chosen.length() <= 100 ? chosen : chosen.substring(0, 100);
  }
}
