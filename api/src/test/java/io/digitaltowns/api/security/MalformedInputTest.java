package io.digitaltowns.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.api.security.OpenApiOperations.Operation;
import io.digitaltowns.api.security.OpenApiOperations.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every operation of the OpenAPI document, generated from its schemas: wrong types,
 * missing fields, over-long and huge strings and bodies, deeply nested JSON, invalid UTF-8, wrong
 * content types, bad path and query values. Each is answered with a 4xx problem body, never a 5xx,
 * and writes nothing. SQL and script payloads in text fields are either refused the same way or
 * stored as the text they are, never a server error.
 */
class MalformedInputTest extends ApiHttpTest {

  private static final String SQL = "x' OR '1'='1'; DROP TABLE users; --";
  private static final String SCRIPT = "<script>alert(document.cookie)</script>";
  private static final int HUGE_STRING = 1_000_000;

  /** over the 1 MiB bound, under what Tomcat swallows (2 MB) before it cuts the connection */
  private static final int HUGE_BODY =
      io.digitaltowns.api.web.RequestBodyLimit.MAX_BODY_BYTES + 200_000;

  private static final Map<String, Integer> FIGURES = new LinkedHashMap<>();

  private Member admin;
  private String townSlug;
  private UUID townId;
  private UUID businessId;
  private UUID someUser;

  /**
   * One bad request and whether it must be refused (structural) or may be taken as plain text
   * (content). A path that is not valid UTF-8 or holds an encoded NUL or slash is refused by Tomcat
   * before the application sees it: a 400, but Tomcat's, without a problem body.
   */
  record BadInput(
      String operation,
      String kind,
      String method,
      String path,
      String contentType,
      byte[] body,
      boolean mustBeRefused) {

    boolean refusedByTomcat() {
      return kind.startsWith("path ")
          && (path.contains("%00") || path.contains("%2F") || path.contains("%FF"));
    }

    String describe() {
      return operation + " [" + kind + "]";
    }
  }

  @BeforeEach
  void aWorldToAimAt() {
    admin = admin();
    townSlug = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    townId = createTown(admin, townSlug, "Europe/London");
    HttpResponse<String> created =
        post(
            "/api/businesses",
            admin.accessToken(),
            json()
                .put("townId", townId.toString())
                .put("name", "Fuzz bakery")
                .put("category", "BAKERY"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    businessId = UUID.fromString(read(created).get("id").asText());
    someUser = registerAndSignIn("fuzz-target").id();
  }

  @Test
  void structurally_bad_input_on_every_operation_is_a_4xx_problem_that_writes_nothing() {
    List<BadInput> inputs =
        operations().stream().flatMap(operation -> structural(operation).stream()).toList();
    SoftAssertions softly = new SoftAssertions();
    int serverErrors = 0;
    for (BadInput input : inputs) {
      Map<String, Object> before = writes();
      HttpResponse<String> response = send(input);
      if (response.statusCode() >= 500) {
        serverErrors++;
      }
      softly
          .assertThat(response.statusCode())
          .as("%s: %s", input.describe(), abbreviate(response.body()))
          .isBetween(400, 499);
      if (!input.refusedByTomcat()) {
        softly
            .assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .as("%s answers a problem body", input.describe())
            .startsWith("application/problem+json");
      }
      softly.assertThat(writes()).as("%s writes nothing", input.describe()).isEqualTo(before);
    }
    FIGURES.put("structural bad inputs sent", inputs.size());
    FIGURES.put("structural bad inputs answered 5xx", serverErrors);
    assertThat(inputs).as("the walk generated bad input").hasSizeGreaterThan(200);
    softly.assertAll();
  }

  @Test
  void sql_and_script_payloads_are_refused_or_kept_as_plain_text_never_a_server_error() {
    List<BadInput> inputs =
        operations().stream().flatMap(operation -> payloads(operation).stream()).toList();
    SoftAssertions softly = new SoftAssertions();
    int serverErrors = 0;
    for (BadInput input : inputs) {
      HttpResponse<String> response = send(input);
      if (response.statusCode() >= 500) {
        serverErrors++;
      }
      softly
          .assertThat(response.statusCode())
          .as("%s: %s", input.describe(), abbreviate(response.body()))
          .isLessThan(500);
      if (response.statusCode() >= 400 && !input.refusedByTomcat()) {
        softly
            .assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .as("%s answers a problem body", input.describe())
            .startsWith("application/problem+json");
      }
    }
    FIGURES.put("SQL, script and NUL payloads sent", inputs.size());
    FIGURES.put("SQL, script and NUL payloads answered 5xx", serverErrors);
    assertThat(jdbc.sql("SELECT count(*) FROM users").query(Long.class).single())
        .as("the users table is still there")
        .isPositive();
    softly.assertAll();
  }

  @Test
  void a_photo_order_without_photo_ids_is_no_server_error() {
    // it was: List.of().contains(null) throws, so {} on a listing without photos answered 500
    HttpResponse<String> response =
        put("/api/businesses/" + businessId + "/photos/order", admin.accessToken(), json());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(
            put(
                    "/api/businesses/" + businessId + "/photos/order",
                    admin.accessToken(),
                    json()
                        .set(
                            "photoIds",
                            JsonNodeFactory.instance.arrayNode().add(UUID.randomUUID().toString())))
                .statusCode())
        .isEqualTo(400);
  }

  @AfterAll
  static void writeFigures() throws IOException {
    Path file = Path.of("target", "security-figures", "malformed-input.txt");
    Files.createDirectories(file.getParent());
    StringBuilder text = new StringBuilder();
    FIGURES.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    Files.writeString(file, text.toString());
  }

  // --- the operations and what to aim them at
  // -------------------------------------------------------------

  private List<Operation> operations() {
    return OpenApiOperations.of(get("/v3/api-docs", null).body());
  }

  /** A value that passes for this path parameter, so that the bad input is the only thing wrong. */
  private String validPathValue(Operation operation, String name) {
    return switch (name) {
      case "slug" -> townSlug;
      case "photoId" -> UUID.randomUUID().toString();
      default ->
          operation.path().startsWith("/api/admin/users/")
              ? someUser.toString()
              : operation.path().startsWith("/api/admin/towns/")
                  ? townId.toString()
                  : businessId.toString();
    };
  }

  private String pathWith(Operation operation, String badName, String badRawValue) {
    String path = operation.path();
    for (Parameter parameter : operation.in("path")) {
      String value =
          parameter.name().equals(badName)
              ? badRawValue
              : validPathValue(operation, parameter.name());
      path = path.replace("{" + parameter.name() + "}", value);
    }
    return path;
  }

  private String validPath(Operation operation) {
    return pathWith(operation, null, null);
  }

  // --- structural bad input
  // ---------------------------------------------------------------------------------

  private List<BadInput> structural(Operation operation) {
    List<BadInput> inputs = new ArrayList<>();
    String op = operation.key();
    String json = "application/json";
    for (Parameter parameter : operation.in("path")) {
      Map<String, String> bad = new LinkedHashMap<>();
      if ("uuid".equals(parameter.schema().path("format").asText())) {
        bad.put("not a uuid", "not-a-uuid");
        bad.put("number", "12345");
      }
      bad.put("over-long", "x".repeat(3000));
      bad.put("invalid UTF-8", "%C3%28%FF");
      bad.put("encoded NUL", "a%00b");
      bad.forEach(
          (kind, raw) ->
              inputs.add(
                  new BadInput(
                      op,
                      "path " + parameter.name() + " " + kind,
                      operation.method(),
                      pathWith(operation, parameter.name(), raw),
                      operation.takesJson() ? json : null,
                      operation.takesJson()
                          ? validBody(operation).toString().getBytes(StandardCharsets.UTF_8)
                          : null,
                      true)));
    }
    for (Parameter parameter : operation.in("query")) {
      Map<String, String> bad = new LinkedHashMap<>(wrongQueryValues(parameter.schema()));
      bad.put("invalid UTF-8", "%C3%28%FF");
      bad.put("encoded NUL", "a%00b");
      if (parameter.schema().has("maxLength")) {
        bad.put("over-long", "x".repeat(parameter.schema().get("maxLength").asInt() + 1));
      }
      bad.forEach(
          (kind, raw) ->
              inputs.add(
                  new BadInput(
                      op,
                      "query " + parameter.name() + " " + kind,
                      operation.method(),
                      validPath(operation) + "?" + parameter.name() + "=" + raw,
                      null,
                      null,
                      true)));
      if (parameter.required()) {
        inputs.add(
            new BadInput(
                op,
                "query " + parameter.name() + " missing",
                operation.method(),
                validPath(operation),
                null,
                null,
                true));
      }
    }
    if (!operation.takesJson()) {
      return inputs;
    }
    String path = validPath(operation);
    ObjectNode valid = validBody(operation);
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    bodies.put("not JSON", utf8("this is not json"));
    bodies.put(
        "truncated JSON", utf8(valid.toString().substring(0, valid.toString().length() - 1)));
    if (operation.bodyRequired()) {
      bodies.put("empty body", new byte[0]);
    }
    bodies.put("array instead of object", utf8("[]"));
    bodies.put("string instead of object", utf8("\"text\""));
    bodies.put("number instead of object", utf8("42"));
    bodies.put("deeply nested arrays", utf8("[".repeat(100_000) + "]".repeat(100_000)));
    bodies.put(
        "deeply nested objects in a field",
        utf8("{\"deep\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}"));
    bodies.put("huge body", hugeBody(valid));
    bodies.put("invalid UTF-8 in a string", invalidUtf8(valid));
    bodies.forEach(
        (kind, body) ->
            inputs.add(new BadInput(op, kind, operation.method(), path, json, body, true)));
    inputs.add(
        new BadInput(
            op,
            "text/plain body",
            operation.method(),
            path,
            "text/plain",
            utf8(valid.toString()),
            true));
    inputs.add(
        new BadInput(
            op,
            "form body",
            operation.method(),
            path,
            "application/x-www-form-urlencoded",
            utf8("a=1&b=2"),
            true));
    if (operation.body().has("properties")) {
      for (ObjectNode mutated : fieldMutations(operation.body(), valid).values()) {
        // the kinds are the map's keys; kept beside the body for the message
        inputs.add(
            new BadInput(
                op,
                mutated.remove("__kind").asText(),
                operation.method(),
                path,
                json,
                utf8(mutated.toString()),
                true));
      }
    }
    return inputs;
  }

  /**
   * Wrong types, missing and null required fields, over-long and huge strings, huge numbers: one
   * field at a time.
   */
  private Map<String, ObjectNode> fieldMutations(JsonNode schema, ObjectNode valid) {
    Map<String, ObjectNode> mutations = new LinkedHashMap<>();
    JsonNode required = schema.path("required");
    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        properties.hasNext(); ) {
      Map.Entry<String, JsonNode> property = properties.next();
      String name = property.getKey();
      JsonNode field = property.getValue();
      wrongValues(field)
          .forEach(
              (kind, value) ->
                  mutations.put(name + " " + kind, with(valid, name, value, name + " " + kind)));
      boolean isRequired = false;
      for (JsonNode requiredName : required) {
        isRequired |= requiredName.asText().equals(name);
      }
      if (isRequired) {
        ObjectNode missing = valid.deepCopy();
        missing.remove(name);
        missing.put("__kind", name + " missing");
        mutations.put(name + " missing", missing);
        mutations.put(
            name + " null", with(valid, name, JsonNodeFactory.instance.nullNode(), name + " null"));
      }
      if ("string".equals(field.path("type").asText()) && !field.has("enum")) {
        if (field.has("maxLength")) {
          mutations.put(
              name + " over maxLength",
              with(
                  valid,
                  name,
                  JsonNodeFactory.instance.textNode("a".repeat(field.get("maxLength").asInt() + 1)),
                  name + " over maxLength"));
        }
        mutations.put(
            name + " huge",
            with(
                valid,
                name,
                JsonNodeFactory.instance.textNode("a".repeat(HUGE_STRING)),
                name + " huge string"));
      }
      if (field.has("properties")) {
        fieldMutations(field, (ObjectNode) valid.get(name))
            .forEach(
                (kind, nested) -> {
                  String nestedKind = nested.remove("__kind").asText();
                  mutations.put(
                      name + "." + kind, with(valid, name, nested, name + "." + nestedKind));
                });
      }
    }
    return mutations;
  }

  private static ObjectNode with(ObjectNode valid, String name, JsonNode value, String kind) {
    ObjectNode copy = valid.deepCopy();
    copy.set(name, value);
    copy.put("__kind", kind);
    return copy;
  }

  /** Values of the wrong JSON type (or outside the format) for a field of this schema. */
  private static Map<String, JsonNode> wrongValues(JsonNode schema) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    Map<String, JsonNode> wrong = new LinkedHashMap<>();
    String type = schema.has("properties") ? "object" : schema.path("type").asText("string");
    switch (type) {
      case "integer", "number" -> {
        wrong.put("as text", nodes.textNode("not a number"));
        wrong.put("as object", nodes.objectNode());
        wrong.put(
            "as 400-digit number", nodes.numberNode(new java.math.BigInteger("9".repeat(400))));
      }
      case "boolean" -> {
        wrong.put("as text", nodes.textNode("maybe"));
        wrong.put("as object", nodes.objectNode());
      }
      case "array" -> {
        wrong.put("as text", nodes.textNode("not an array"));
        wrong.put("as object", nodes.objectNode());
        ArrayNode wrongItems = nodes.arrayNode();
        wrongItems.add(nodes.objectNode());
        wrong.put("with an object item", wrongItems);
      }
      case "object" -> {
        wrong.put("as text", nodes.textNode("not an object"));
        wrong.put("as number", nodes.numberNode(42));
        wrong.put("as array", nodes.arrayNode());
      }
      default -> {
        wrong.put("as object", nodes.objectNode());
        wrong.put("as array", nodes.arrayNode());
        if (schema.has("enum")) {
          wrong.put("outside the enum", nodes.textNode("NOT_A_VALUE"));
        }
        switch (schema.path("format").asText()) {
          case "uuid" -> wrong.put("not a uuid", nodes.textNode("not-a-uuid"));
          case "email" -> wrong.put("not an email", nodes.textNode("not an email"));
          default -> {}
        }
      }
    }
    return wrong;
  }

  private static Map<String, String> wrongQueryValues(JsonNode schema) {
    Map<String, String> wrong = new LinkedHashMap<>();
    switch (schema.path("type").asText()) {
      case "integer" -> {
        wrong.put("as text", "abc");
        wrong.put("overflowing", "99999999999999999999999");
        if (schema.has("minimum")) {
          wrong.put("below minimum", String.valueOf(schema.get("minimum").asLong() - 1));
        }
        if (schema.has("maximum")) {
          wrong.put("above maximum", String.valueOf(schema.get("maximum").asLong() + 1));
        }
      }
      case "boolean" -> wrong.put("as text", "maybe");
      default -> {
        if (schema.has("enum")) {
          wrong.put("outside the enum", "NOT_A_VALUE");
        }
      }
    }
    return wrong;
  }

  private byte[] hugeBody(ObjectNode valid) {
    ObjectNode huge = valid.deepCopy();
    huge.put("padding", "p".repeat(HUGE_BODY));
    return utf8(huge.toString());
  }

  /** The valid body with its first string value replaced by bytes that are not UTF-8. */
  private static byte[] invalidUtf8(ObjectNode valid) {
    ObjectNode marked = valid.deepCopy();
    String marker = "INVALID_UTF8_HERE";
    Iterator<Map.Entry<String, JsonNode>> fields = marked.fields();
    boolean replaced = false;
    while (fields.hasNext() && !replaced) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isTextual()) {
        field.setValue(JsonNodeFactory.instance.textNode(marker));
        replaced = true;
      }
    }
    if (!replaced) {
      marked.put("text", marker);
    }
    String text = marked.toString();
    int at = text.indexOf(marker);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8(text.substring(0, at)));
    bytes.writeBytes(
        new byte[] {
          (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80
        });
    bytes.writeBytes(utf8(text.substring(at + marker.length())));
    return bytes.toByteArray();
  }

  // --- SQL, script and NUL payloads
  // --------------------------------------------------------------------------

  private List<BadInput> payloads(Operation operation) {
    List<BadInput> inputs = new ArrayList<>();
    String op = operation.key();
    Map<String, String> payloads =
        Map.of("SQL", SQL, "script", SCRIPT, "NUL character", "a\u0000b");
    for (Parameter parameter : operation.in("path")) {
      if (!"uuid".equals(parameter.schema().path("format").asText())) {
        payloads.forEach(
            (kind, payload) ->
                inputs.add(
                    new BadInput(
                        op,
                        "path " + parameter.name() + " " + kind,
                        operation.method(),
                        pathWith(operation, parameter.name(), encode(payload)),
                        null,
                        null,
                        false)));
      }
    }
    for (Parameter parameter : operation.in("query")) {
      if ("string".equals(parameter.schema().path("type").asText())
          && !parameter.schema().has("enum")) {
        payloads.forEach(
            (kind, payload) ->
                inputs.add(
                    new BadInput(
                        op,
                        "query " + parameter.name() + " " + kind,
                        operation.method(),
                        validPath(operation) + "?" + parameter.name() + "=" + encode(payload),
                        null,
                        null,
                        false)));
      }
    }
    if (operation.takesJson() && operation.body().has("properties")) {
      ObjectNode valid = validBody(operation);
      operation
          .body()
          .path("properties")
          .fields()
          .forEachRemaining(
              property -> {
                if ("string".equals(property.getValue().path("type").asText())
                    && !property.getValue().has("enum")) {
                  payloads.forEach(
                      (kind, payload) -> {
                        ObjectNode body = valid.deepCopy();
                        body.put(property.getKey(), payload);
                        inputs.add(
                            new BadInput(
                                op,
                                property.getKey() + " " + kind,
                                operation.method(),
                                validPath(operation),
                                "application/json",
                                utf8(body.toString()),
                                false));
                      });
                }
              });
    }
    return inputs;
  }

  // --- valid bodies from the schemas
  // --------------------------------------------------------------------------

  private ObjectNode validBody(Operation operation) {
    JsonNode sample = sample("body", operation.body());
    return sample instanceof ObjectNode object ? object : json();
  }

  private JsonNode sample(String name, JsonNode schema) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (schema == null) {
      return nodes.textNode("x");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    if (schema.has("properties")) {
      ObjectNode object = nodes.objectNode();
      schema
          .get("properties")
          .fields()
          .forEachRemaining(
              property ->
                  object.set(property.getKey(), sample(property.getKey(), property.getValue())));
      return object;
    }
    if (schema.has("additionalProperties")) {
      ObjectNode map = nodes.objectNode();
      map.set("MONDAY", sample(name, schema.get("additionalProperties")));
      return map;
    }
    return switch (schema.path("type").asText("object")) {
      case "integer" ->
          nodes.numberNode(
              name.equals("sizeBytes") ? 1000 : Math.max(1, schema.path("minimum").asLong(1)));
      case "number" -> nodes.numberNode(1.5);
      case "boolean" -> nodes.booleanNode(true);
      case "array" -> nodes.arrayNode().add(sample(name, schema.get("items")));
      case "object" -> nodes.objectNode();
      default -> nodes.textNode(sampleText(name, schema));
    };
  }

  private String sampleText(String name, JsonNode schema) {
    if ("uuid".equals(schema.path("format").asText())) {
      return name.equals("townId") ? townId.toString() : UUID.randomUUID().toString();
    }
    if ("email".equals(schema.path("format").asText())) {
      return uniqueEmail("fuzz");
    }
    return switch (name) {
      case "timezone" -> "Europe/London";
      case "slug" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
      case "opens" -> "09:00";
      case "closes" -> "17:00";
      case "contentType" -> "image/jpeg";
      case "type" -> "offer";
      case "website" -> "https://example.org";
      case "phone" -> "+44 1234 567890";
      default -> "valid text " + "v".repeat(Math.max(0, schema.path("minLength").asInt(0) - 11));
    };
  }

  // --- sending and observing
  // ---------------------------------------------------------------------------------

  private Map<String, Object> writes() {
    return WrittenRows.now(jdbc, businessId, someUser);
  }

  private HttpResponse<String> send(BadInput input) {
    HttpRequest.BodyPublisher body =
        input.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(input.body());
    HttpRequest.Builder request =
        request(input.path(), admin.accessToken())
            .timeout(Duration.ofSeconds(30))
            .method(input.method(), body);
    if (input.contentType() != null) {
      request.header("Content-Type", input.contentType());
    }
    try {
      return send(request);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(input.describe(), e.getCause());
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
  }
}
