package io.digitaltowns.api.accounts.login;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 401, the same whether the address is unknown or the password wrong, so it reveals no accounts.
 */
public class InvalidCredentialsException extends ErrorResponseException {

  InvalidCredentialsException() {
    super(HttpStatus.UNAUTHORIZED, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED, "The email or password is wrong.");
    problem.setType(URI.create("https://digitaltowns.io/problems/invalid-credentials"));
    problem.setTitle("Invalid credentials");
    return problem;
  }
}
