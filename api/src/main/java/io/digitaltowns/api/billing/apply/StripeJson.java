package io.digitaltowns.api.billing.apply;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reading Stripe's JSON: ids that may be expanded objects, unix timestamps that may be null. */
final class StripeJson {

  private StripeJson() {}

  static String string(JsonNode node) {
    if (node == null || !node.isString() || node.asString().isBlank()) {
      return null;
    }
    return node.asString();
  }

  /** An id, or an expanded object's id. */
  static String idOf(JsonNode node) {
    if (node != null && node.isObject()) {
      return string(node.get("id"));
    }
    return string(node);
  }

  static Instant time(JsonNode node) {
    if (node == null || !node.isIntegralNumber() || node.asLong() <= 0) {
      return null;
    }
    return Instant.ofEpochSecond(node.asLong());
  }

  static Long number(JsonNode node) {
    return node == null || !node.isIntegralNumber() ? null : node.asLong();
  }
}
