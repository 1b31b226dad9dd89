package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.BusinessStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the step does not apply to a listing in its current status (approving a draft, say). */
public class StatusConflictException extends ErrorResponseException {

  public StatusConflictException(String step, BusinessStatus current) {
    super(HttpStatus.CONFLICT, problem(step, current), null);
  }

  private static ProblemDetail problem(String step, BusinessStatus current) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "A listing that is " + current + " cannot be " + step + ".");
    problem.setTitle("Not possible in this status");
    problem.setProperty("status", current.name());
    return problem;
  }
}
