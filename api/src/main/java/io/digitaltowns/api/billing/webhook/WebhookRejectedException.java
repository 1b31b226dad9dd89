package io.digitaltowns.api.billing.webhook;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 (or 413): a webhook call that is not a verified Stripe event. Nothing of it is stored. */
class WebhookRejectedException extends ErrorResponseException {

  private WebhookRejectedException(HttpStatus status, String type, String title, String detail) {
    super(status, problem(status, type, title, detail), null);
  }

  static WebhookRejectedException missingSignature() {
    return new WebhookRejectedException(
        HttpStatus.BAD_REQUEST,
        "stripe-signature",
        "Invalid Stripe signature",
        "The Stripe-Signature header is missing.");
  }

  static WebhookRejectedException badSignature() {
    return new WebhookRejectedException(
        HttpStatus.BAD_REQUEST,
        "stripe-signature",
        "Invalid Stripe signature",
        "The Stripe-Signature header does not match the payload, or its timestamp is too old.");
  }

  static WebhookRejectedException malformed() {
    return new WebhookRejectedException(
        HttpStatus.BAD_REQUEST,
        "stripe-payload",
        "Malformed Stripe event",
        "The payload is not a Stripe event (JSON object with id, type, created and data.object).");
  }

  static WebhookRejectedException tooLarge(int maxBytes) {
    return new WebhookRejectedException(
        HttpStatus.CONTENT_TOO_LARGE,
        "stripe-payload",
        "Stripe event too large",
        "The payload is larger than " + maxBytes + " bytes.");
  }

  private static ProblemDetail problem(
      HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://digitaltowns.io/problems/" + type));
    return problem;
  }
}
