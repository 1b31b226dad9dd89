package io.digitaltowns.api.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person sends to create an account with a password. */
public record RegistrationRequest(
    @NotBlank @ValidEmailAddress @Size(max = 254) String email,
    @NotBlank @Size(min = 10, max = 128, message = "must be between 10 and 128 characters")
    @Pattern(regexp = ".*\\S.*", message = "must not be only spaces") String password,
    @NotBlank @ValidDisplayName String displayName) {

  /** The address in its normal form; the request was validated, so it parses. */
  public EmailAddress emailAddress() {
    return EmailAddress.parse(email);
  }

  @Override
  public String toString() {
    return "RegistrationRequest[email=" + email + ", displayName=" + displayName + "]"; // never the password
  }
}
