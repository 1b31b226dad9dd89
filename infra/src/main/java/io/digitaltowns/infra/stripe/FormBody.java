package io.digitaltowns.infra.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form-encoded body as Stripe's API takes it, keys kept as sent ({@code line_items[0][price]},
 * {@code metadata[business_id]}), and the nested ones read back by prefix.
 */
record FormBody(Map<String, String> fields) {

  static FormBody parse(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body != null && !body.isBlank()) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key =
            URLDecoder.decode(
                equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value =
            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        fields.put(key, value);
      }
    }
    return new FormBody(fields);
  }

  String get(String key) {
    String value = fields.get(key);
    return value == null || value.isEmpty() ? null : value;
  }

  String required(String key) {
    String value = get(key);
    if (value == null) {
      throw StripeError.missing(key);
    }
    return value;
  }

  /** {@code metadata[a]=1&metadata[b]=2} under prefix {@code metadata} is {a=1, b=2}. */
  Map<String, String> hash(String prefix) {
    Map<String, String> hash = new LinkedHashMap<>();
    String start = prefix + "[";
    fields.forEach(
        (key, value) -> {
          if (key.startsWith(start) && key.endsWith("]") && key.indexOf('[', start.length()) < 0) {
            hash.put(key.substring(start.length(), key.length() - 1), value);
          }
        });
    return hash;
  }

  boolean bool(String key) {
    return "true".equals(get(key));
  }
}
