package io.digitaltowns.api.accounts.profile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the token is valid but its account was deleted meanwhile. */
public class AccountGoneException extends ErrorResponseException {

  AccountGoneException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This account no longer exists.");
    problem.setTitle("Account not found");
    return problem;
  }
}
