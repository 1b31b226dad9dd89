package io.digitaltowns.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations the api's own OpenAPI document (/v3/api-docs) declares, with their parameters and
 * body schema.
 */
final class OpenApiOperations {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A parameter in the path or the query string, with its schema. */
  record Parameter(String name, String in, boolean required, JsonNode schema) {}

  /**
   * One operation.
   *
   * @param body the request body's JSON schema with every $ref resolved, or null when it takes none
   *     or no schema
   */
  record Operation(
      String method,
      String path,
      List<Parameter> parameters,
      boolean bodyRequired,
      JsonNode body,
      boolean declaresBearer) {

    String key() {
      return method + " " + path;
    }

    List<Parameter> in(String where) {
      return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
    }

    boolean takesJson() {
      return body != null;
    }
  }

  private OpenApiOperations() {}

  static List<Operation> of(String document) {
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode schemas = root.path("components").path("schemas");
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        JsonNode operation = method.getValue();
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
          parameters.add(
              new Parameter(
                  parameter.path("name").asText(),
                  parameter.path("in").asText(),
                  parameter.path("required").asBoolean(false),
                  resolve(parameter.path("schema"), schemas, 0)));
        }
        JsonNode requestBody = operation.get("requestBody");
        JsonNode json =
            requestBody == null ? null : requestBody.path("content").get("application/json");
        JsonNode body =
            json == null
                ? null
                : json.has("schema")
                    ? resolve(json.get("schema"), schemas, 0)
                    : JSON.createObjectNode();
        boolean bearer = false;
        for (JsonNode requirement : operation.path("security")) {
          bearer |= requirement.has("bearer");
        }
        operations.add(
            new Operation(
                method.getKey().toUpperCase(java.util.Locale.ROOT),
                path.getKey(),
                parameters,
                requestBody != null && requestBody.path("required").asBoolean(false),
                body,
                bearer));
      }
    }
    operations.sort(java.util.Comparator.comparing(Operation::key));
    return operations;
  }

  /**
   * The schema with its $refs replaced by what they name (bounded: the api's schemas are not
   * recursive).
   */
  private static JsonNode resolve(JsonNode schema, JsonNode schemas, int depth) {
    if (depth > 10 || schema == null) {
      return schema;
    }
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
      return resolve(schemas.get(name), schemas, depth + 1);
    }
    if (!schema.isObject()) {
      return schema;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = schema.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      switch (field.getKey()) {
        case "items", "additionalProperties" ->
            copy.set(field.getKey(), resolve(field.getValue(), schemas, depth + 1));
        case "properties" -> {
          com.fasterxml.jackson.databind.node.ObjectNode properties = JSON.createObjectNode();
          field
              .getValue()
              .fields()
              .forEachRemaining(
                  property ->
                      properties.set(
                          property.getKey(), resolve(property.getValue(), schemas, depth + 1)));
          copy.set("properties", properties);
        }
        default -> {}
      }
    }
    return copy;
  }
}
