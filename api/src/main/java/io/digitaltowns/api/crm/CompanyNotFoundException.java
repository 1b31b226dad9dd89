package io.digitaltowns.api.crm;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the CRM knows no such company (yet: a new business appears once its event is projected). */
class CompanyNotFoundException extends ErrorResponseException {

  CompanyNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "The CRM has no company with this id.");
    problem.setTitle("Company not found");
    return problem;
  }
}
