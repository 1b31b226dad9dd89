package io.digitaltowns.api.site.signin;

/** The sign-in page's fields; {@code next} is where the visitor was going. */
public record SignInForm(String email, String password, String next) {

  static SignInForm empty(String next) {
    return new SignInForm("", "", next);
  }

  /** The password never goes back into the page. */
  SignInForm withoutPassword() {
    return new SignInForm(email, "", next);
  }

  @Override
  public String toString() {
    return "SignInForm[***]";
  }
}
