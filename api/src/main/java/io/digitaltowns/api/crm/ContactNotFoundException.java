package io.digitaltowns.api.crm;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the CRM knows no such contact (or they deleted their account). */
class ContactNotFoundException extends ErrorResponseException {

  ContactNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "The CRM has no contact with this id.");
    problem.setTitle("Contact not found");
    return problem;
  }
}
