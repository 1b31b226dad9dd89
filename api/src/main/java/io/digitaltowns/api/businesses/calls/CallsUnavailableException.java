package io.digitaltowns.api.businesses.calls;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 502: Cloudflare did not give us a session. */
class CallsUnavailableException extends ErrorResponseException {

  CallsUnavailableException() {
    super(HttpStatus.BAD_GATEWAY, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_GATEWAY,
            "The video service did not open a room. Try again in a moment.");
    problem.setTitle("Video consultation unavailable");
    return problem;
  }
}
