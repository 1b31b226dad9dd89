package io.digitaltowns.api.accounts.profile;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403: deleting the account needs the current password or a sign-in moments ago. */
class RecentSignInRequiredException extends ErrorResponseException {

  RecentSignInRequiredException() {
    super(HttpStatus.FORBIDDEN, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "Confirm it is you: send your current password, or sign in again and retry within a few minutes.");
    problem.setType(URI.create("https://digitaltowns.io/problems/recent-sign-in-required"));
    problem.setTitle("Confirm it is you");
    return problem;
  }
}
