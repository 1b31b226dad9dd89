package io.digitaltowns.api.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person sends to create an account with a password. */
public record RegistrationRequest(
    @NotBlank @ValidEmailAddress @Size(max = 254) String email,
    @ChosenPassword String password,
    @NotBlank @ValidDisplayName String displayName) {

  /** The address in its normal form; the request was validated, so it parses. */
  public EmailAddress emailAddress() {
    return EmailAddress.parse(email);
  }

  @Override
  public String toString() {
    return "RegistrationRequest[email="
        + email
        + ", displayName="
        + displayName
        + "]"; // never the password
  }
}
