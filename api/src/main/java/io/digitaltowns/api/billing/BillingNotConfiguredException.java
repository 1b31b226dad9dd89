package io.digitaltowns.api.billing;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: this platform takes no payments (no Stripe secret key is configured). */
public class BillingNotConfiguredException extends ErrorResponseException {

  public BillingNotConfiguredException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "Subscriptions are not enabled on this platform.");
    problem.setTitle("Billing not configured");
    problem.setType(URI.create("https://digitaltowns.io/problems/billing-not-configured"));
    return problem;
  }
}
