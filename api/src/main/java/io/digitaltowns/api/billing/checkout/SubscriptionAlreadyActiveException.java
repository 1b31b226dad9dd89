package io.digitaltowns.api.billing.checkout;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the business already has a running subscription; the owner manages it in the billing portal.
 */
class SubscriptionAlreadyActiveException extends ErrorResponseException {

  SubscriptionAlreadyActiveException(UUID businessId, String status) {
    super(HttpStatus.CONFLICT, problem(businessId, status), null);
  }

  private static ProblemDetail problem(UUID businessId, String status) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "This business already has a subscription ("
                + status
                + "). Manage it in the billing portal: "
                + "POST /api/businesses/"
                + businessId
                + "/subscription/portal.");
    problem.setTitle("Subscription already active");
    problem.setType(URI.create("https://digitaltowns.io/problems/subscription-active"));
    // not "status": RFC 9457 reserves it for the HTTP status code
    problem.setProperty("subscriptionStatus", status);
    return problem;
  }
}
