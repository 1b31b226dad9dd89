package io.digitaltowns.api.billing;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 502: Stripe refused the call or did not answer; nothing was charged. */
public class PaymentProviderUnavailableException extends ErrorResponseException {

  public PaymentProviderUnavailableException() {
    super(HttpStatus.BAD_GATEWAY, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_GATEWAY,
            "The payment provider did not answer as expected. Nothing was charged; try again in a moment.");
    problem.setTitle("Payment provider unavailable");
    problem.setType(URI.create("https://digitaltowns.io/problems/payment-provider-unavailable"));
    return problem;
  }
}
