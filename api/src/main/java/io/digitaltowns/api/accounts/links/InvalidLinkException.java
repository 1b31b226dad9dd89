package io.digitaltowns.api.accounts.links;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400: the emailed link is unknown, already used or expired. */
public class InvalidLinkException extends ErrorResponseException {

  public InvalidLinkException() {
    super(HttpStatus.BAD_REQUEST, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "This link is not valid: it was already used, has expired, or was replaced by a newer one. Ask for a new one.");
    problem.setType(URI.create("https://digitaltowns.io/problems/invalid-link"));
    problem.setTitle("Invalid or expired link");
    return problem;
  }
}
