package io.digitaltowns.api.accounts.profile;

import io.digitaltowns.api.web.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400: changing the password needs the current one. */
public class WrongCurrentPasswordException extends ErrorResponseException {

  WrongCurrentPasswordException() {
    super(HttpStatus.BAD_REQUEST, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The current password is wrong.");
    problem.setTitle("Invalid input");
    problem.setProperty("errors", List.of(new FieldProblem("currentPassword", "is wrong")));
    return problem;
  }
}
