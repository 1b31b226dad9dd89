package io.digitaltowns.api.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person sends to create an account with a password. */
public record RegistrationRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @ChosenPassword String password,
    @NotBlank @Size(max = 80) String displayName) {

  @Override
  public String toString() {
    return "RegistrationRequest[email=" + email + ", displayName=" + displayName + "]"; // never the password
  }
}
