package io.digitaltowns.api.accounts.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: an admin suspending themselves could lock the town out of its own moderation. */
public class SelfSuspensionException extends ErrorResponseException {

  SelfSuspensionException() {
    super(HttpStatus.CONFLICT, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Admins cannot suspend themselves.");
    problem.setTitle("Cannot suspend yourself");
    return problem;
  }
}
