package io.digitaltowns.api.analytics;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A range of days the figures cannot be given for: reversed, or longer than {@link
 * DayRange#MAX_DAYS}.
 */
public class InvalidDateRangeException extends ErrorResponseException {

  InvalidDateRangeException(String detail) {
    super(HttpStatus.BAD_REQUEST, problem(detail), null);
  }

  /** What is wrong with the range, for a person. */
  public String reason() {
    return getBody().getDetail();
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid date range");
    return problem;
  }
}
