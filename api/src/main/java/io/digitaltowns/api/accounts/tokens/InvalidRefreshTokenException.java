package io.digitaltowns.api.accounts.tokens;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 401: the refresh token is unknown, expired, already used or revoked; the user must sign in again.
 */
public class InvalidRefreshTokenException extends ErrorResponseException {

  public InvalidRefreshTokenException() {
    super(HttpStatus.UNAUTHORIZED, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            "The session has ended or the refresh token is not valid. Sign in again.");
    problem.setType(URI.create("https://digitaltowns.io/problems/invalid-refresh-token"));
    problem.setTitle("Invalid refresh token");
    return problem;
  }
}
