package io.digitaltowns.api.crm;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503: the read model's tables are not there, because the consumers (which own and migrate them)
 * have not run against this database yet.
 */
class CrmReadModelUnavailableException extends ErrorResponseException {

  CrmReadModelUnavailableException(Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The CRM read model does not exist yet: start the consumers with CONSUMER_CRM_ENABLED=true.");
    problem.setTitle("The CRM is not set up");
    problem.setType(URI.create("https://digitaltowns.io/problems/crm-read-model-unavailable"));
    return problem;
  }
}
