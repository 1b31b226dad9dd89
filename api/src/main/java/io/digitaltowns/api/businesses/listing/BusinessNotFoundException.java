package io.digitaltowns.api.businesses.listing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404, also for a listing that exists but that the caller may not see (a draft of someone else).
 */
public class BusinessNotFoundException extends ErrorResponseException {

  public BusinessNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such business.");
    problem.setTitle("Business not found");
    return problem;
  }
}
