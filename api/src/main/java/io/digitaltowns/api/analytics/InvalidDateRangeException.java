package io.digitaltowns.api.analytics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class InvalidDateRangeException extends ErrorResponseException {

  InvalidDateRangeException(String detail) {
    super(HttpStatus.BAD_REQUEST, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid date range");
    return problem;
  }
}
