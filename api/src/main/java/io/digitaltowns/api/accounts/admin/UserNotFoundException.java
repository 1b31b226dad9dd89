package io.digitaltowns.api.accounts.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class UserNotFoundException extends ErrorResponseException {

  UserNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no user with this id.");
    problem.setTitle("User not found");
    return problem;
  }
}
