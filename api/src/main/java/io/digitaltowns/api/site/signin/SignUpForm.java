package io.digitaltowns.api.site.signin;

/** The sign-up page's fields, as typed. */
public record SignUpForm(String displayName, String email, String password) {

  static SignUpForm empty() {
    return new SignUpForm("", "", "");
  }

  SignUpForm withoutPassword() {
    return new SignUpForm(displayName, email, "");
  }

  @Override
  public String toString() {
    return "SignUpForm[***]";
  }
}
