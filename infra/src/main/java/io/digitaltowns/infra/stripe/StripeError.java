package io.digitaltowns.infra.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A refusal in Stripe's documented error shape (https://docs.stripe.com/api/errors): {@code
 * {"error": {"type", "code", "message", "param", "doc_url"}}} with the HTTP status Stripe uses for
 * it.
 */
final class StripeError extends RuntimeException {

  private final int status;
  private final String type;
  private final String code;
  private final String param;

  StripeError(int status, String type, String code, String param, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.code = code;
    this.param = param;
  }

  /**
   * Stripe answers 404 for a missing object in the path, 400 for a missing object named by a
   * parameter.
   */
  static StripeError noSuch(String what, String id, String param) {
    return new StripeError(
        param == null ? 404 : 400,
        "invalid_request_error",
        "resource_missing",
        param,
        "No such " + what + ": '" + id + "'");
  }

  static StripeError invalid(String param, String message) {
    return new StripeError(400, "invalid_request_error", null, param, message);
  }

  static StripeError missing(String param) {
    return new StripeError(
        400,
        "invalid_request_error",
        "parameter_missing",
        param,
        "Missing required param: " + param + ".");
  }

  int status() {
    return status;
  }

  ObjectNode body(ObjectMapper json) {
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://docs.stripe.com/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", getMessage());
    if (param != null) {
      error.put("param", param);
    }
    return body;
  }
}
