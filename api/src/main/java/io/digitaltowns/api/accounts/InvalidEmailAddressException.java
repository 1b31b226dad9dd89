package io.digitaltowns.api.accounts;

import io.digitaltowns.api.web.FieldProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answers 400: the text is not an address we accept (see {@link EmailAddress}); the reason is in
 * words.
 */
public class InvalidEmailAddressException extends ErrorResponseException {

  private final String reason;

  public InvalidEmailAddressException(String reason) {
    super(HttpStatus.BAD_REQUEST, problem(reason), null);
    this.reason = reason;
  }

  /** e.g. "may hold before the @ only ASCII letters, …", to follow the field's name */
  public String reason() {
    return reason;
  }

  @Override
  public String getMessage() {
    return "email address " + reason;
  }

  private static ProblemDetail problem(String reason) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The email address " + reason + ".");
    problem.setType(URI.create("https://digitaltowns.io/problems/invalid-email-address"));
    problem.setTitle("Invalid input");
    problem.setProperty("errors", List.of(new FieldProblem("email", reason)));
    return problem;
  }
}
