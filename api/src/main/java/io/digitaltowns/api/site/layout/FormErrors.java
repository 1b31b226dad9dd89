package io.digitaltowns.api.site.layout;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with a form, field by field, checked with the same constraints the JSON API checks
 * (the API's request records), so a page accepts exactly what the API accepts.
 *
 * @param fields message per field name; {@code ""} for the form as a whole
 */
public record FormErrors(Map<String, String> fields) {

  public static FormErrors none() {
    return new FormErrors(Map.of());
  }

  public static FormErrors of(String field, String message) {
    return new FormErrors(Map.of(field, message));
  }

  public static <T> FormErrors check(Validator validator, T request) {
    Set<ConstraintViolation<T>> violations = validator.validate(request);
    Map<String, String> fields = new LinkedHashMap<>();
    violations.stream()
        .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(v -> fields.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    return new FormErrors(fields);
  }

  public boolean any() {
    return !fields.isEmpty();
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The message for a field, or null. */
  public String get(String field) {
    return fields.get(field);
  }
}
