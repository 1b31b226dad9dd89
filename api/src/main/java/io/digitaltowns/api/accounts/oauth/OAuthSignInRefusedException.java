package io.digitaltowns.api.accounts.oauth;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 401: the provider could not vouch for who signed in, or for an email address we could create or
 * find the account by. The detail says what the person can do about it, never what the provider
 * sent.
 */
class OAuthSignInRefusedException extends ErrorResponseException {

  static final URI TYPE = URI.create("https://digitaltowns.io/problems/oauth-sign-in-failed");

  OAuthSignInRefusedException(String detail) {
    super(HttpStatus.UNAUTHORIZED, problem(detail), null);
  }

  static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    problem.setType(TYPE);
    problem.setTitle("Sign-in failed");
    return problem;
  }
}
