package io.digitaltowns.api.accounts;

import io.digitaltowns.api.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answers 400: the display name breaks {@link DisplayName}'s rules; the reason is in words. */
public class InvalidDisplayNameException extends ErrorResponseException {

  public InvalidDisplayNameException(String reason) {
    super(HttpStatus.BAD_REQUEST, problem(reason), null);
  }

  private static ProblemDetail problem(String reason) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request has invalid fields: displayName");
    problem.setTitle("Invalid input");
    problem.setProperty("errors", List.of(new FieldProblem("displayName", reason)));
    return problem;
  }
}
