package io.digitaltowns.api.accounts;

import io.digitaltowns.api.web.FieldProblem;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answers 409: an account with this address exists (compared in normal form, see {@link
 * EmailAddress}).
 */
public class EmailAlreadyRegisteredException extends ErrorResponseException {

  public EmailAlreadyRegisteredException() {
    super(HttpStatus.CONFLICT, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "An account with this email address already exists.");
    problem.setType(URI.create("https://digitaltowns.io/problems/email-already-registered"));
    problem.setTitle("Email already registered");
    problem.setProperty(
        "errors", java.util.List.of(new FieldProblem("email", "is already registered")));
    return problem;
  }
}
