package io.digitaltowns.api.towns;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class TownNotFoundException extends ErrorResponseException {

  public TownNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such town.");
    problem.setTitle("Town not found");
    return problem;
  }
}
