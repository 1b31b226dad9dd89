package io.digitaltowns.api.businesses.listing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403: only the owner or an admin may change a listing. */
public class NotYourBusinessException extends ErrorResponseException {

  public NotYourBusinessException() {
    super(HttpStatus.FORBIDDEN, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "Only the owner of this business or an admin may change it.");
    problem.setTitle("Forbidden");
    return problem;
  }
}
