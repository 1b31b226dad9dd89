package io.digitaltowns.api.accounts.login;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403: the credentials are right but an admin suspended the account. */
public class AccountSuspendedException extends ErrorResponseException {

  public AccountSuspendedException() {
    super(HttpStatus.FORBIDDEN, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN, "This account is suspended. Contact the town's administrators.");
    problem.setType(URI.create("https://digitaltowns.io/problems/account-suspended"));
    problem.setTitle("Account suspended");
    return problem;
  }
}
