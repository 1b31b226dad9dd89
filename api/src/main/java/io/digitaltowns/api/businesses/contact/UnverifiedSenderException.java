package io.digitaltowns.api.businesses.contact;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 403: the sender has not proven their address. A message carries the sender's address to the owner
 * as the way to answer; an unproven one could be anyone's, so the owner would answer a stranger
 * (and a throwaway account could spam every business of a town).
 */
class UnverifiedSenderException extends ErrorResponseException {

  UnverifiedSenderException() {
    super(HttpStatus.FORBIDDEN, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "Confirm your email address (follow the link in the welcome mail) before you contact a business.");
    problem.setTitle("Email address not verified");
    problem.setProperty("reason", "email-not-verified");
    return problem;
  }
}
