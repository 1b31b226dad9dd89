package io.digitaltowns.api.businesses.calls;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404: no such call room, or not one of the caller's (which is not told apart, so rooms cannot be
 * probed).
 */
public class CallNotFoundException extends ErrorResponseException {

  CallNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such call room.");
    problem.setTitle("Not found");
    return problem;
  }
}
