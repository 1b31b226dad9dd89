package io.digitaltowns.api.billing.portal;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the business has never started a checkout, so Stripe has no customer to show a portal for.
 */
class NoBillingAccountException extends ErrorResponseException {

  NoBillingAccountException(UUID businessId) {
    super(HttpStatus.CONFLICT, problem(businessId), null);
  }

  private static ProblemDetail problem(UUID businessId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "This business has no billing account yet. Start a subscription first: POST /api/businesses/"
                + businessId
                + "/subscription/checkout.");
    problem.setTitle("No billing account yet");
    problem.setType(URI.create("https://digitaltowns.io/problems/no-billing-account"));
    return problem;
  }
}
