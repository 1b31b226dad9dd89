package io.digitaltowns.infra.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.digitaltowns.infra.http.JsonExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Confluent Schema Registry REST API (the subset the project uses) onto {@link
 * SchemaRegistry}.
 */
final class RegistryHttpApi implements HttpHandler {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger log = LoggerFactory.getLogger(RegistryHttpApi.class);

  private final SchemaRegistry registry;
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttpApi(SchemaRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(HttpExchange httpExchange) throws IOException {
    JsonExchange exchange = new JsonExchange(httpExchange, json, CONTENT_TYPE);
    try {
      route(exchange, exchange.method(), exchange.pathSegments());
    } catch (RegistryException e) {
      exchange.respond(e.httpStatus(), error(e.errorCode(), e.getMessage()));
    } catch (IOException e) {
      exchange.respond(422, error(422, "Unprocessable request body: " + e.getMessage()));
    } catch (RuntimeException e) {
      log.warn(
          "schema registry request {} {} failed",
          exchange.method(),
          httpExchange.getRequestURI(),
          e);
      exchange.respond(500, error(50001, "Error in the backend data store: " + e.getMessage()));
    } finally {
      httpExchange.close();
    }
  }

  private void route(JsonExchange exchange, String method, List<String> path) throws IOException {
    String first = path.isEmpty() ? "" : path.get(0);
    switch (first) {
      case "":
        exchange.respond(200, Map.of());
        return;
      case "subjects":
        routeSubjects(exchange, method, path);
        return;
      case "schemas":
        if (method.equals("GET") && path.size() == 3 && path.get(1).equals("ids")) {
          exchange.respond(200, Map.of("schema", registry.schema(schemaId(path.get(2)))));
          return;
        }
        break;
      case "compatibility":
        if (method.equals("POST")
            && (path.size() == 4 || path.size() == 5)
            && path.get(1).equals("subjects")
            && path.get(3).equals("versions")) {
          String version = path.size() == 5 ? path.get(4) : null;
          List<String> problems =
              registry.compatibilityProblems(path.get(2), version, schemaText(exchange));
          Map<String, Object> answer = new LinkedHashMap<>();
          answer.put("is_compatible", problems.isEmpty());
          if ("true".equalsIgnoreCase(exchange.queryParameters().get("verbose"))) {
            answer.put("messages", problems);
          }
          exchange.respond(200, answer);
          return;
        }
        break;
      case "config":
        routeConfig(exchange, method, path);
        return;
      default:
        break;
    }
    notFound(exchange);
  }

  private void routeSubjects(JsonExchange exchange, String method, List<String> path)
      throws IOException {
    if (path.size() == 1 && method.equals("GET")) {
      exchange.respond(200, registry.subjects());
      return;
    }
    if (path.size() < 2) {
      notFound(exchange);
      return;
    }
    String subject = path.get(1);
    if (path.size() == 2 && method.equals("POST")) {
      exchange.respond(200, describe(registry.lookUp(subject, schemaText(exchange))));
    } else if (path.size() == 3 && path.get(2).equals("versions") && method.equals("POST")) {
      exchange.respond(200, Map.of("id", registry.register(subject, schemaText(exchange))));
    } else if (path.size() == 3 && path.get(2).equals("versions") && method.equals("GET")) {
      exchange.respond(200, registry.versions(subject));
    } else if (path.size() == 4 && path.get(2).equals("versions") && method.equals("GET")) {
      exchange.respond(200, describe(registry.version(subject, path.get(3))));
    } else if (path.size() == 5
        && path.get(2).equals("versions")
        && path.get(4).equals("schema")
        && method.equals("GET")) {
      // the raw schema, not wrapped in an object, as Confluent serves it
      exchange.respond(200, json.readTree(registry.version(subject, path.get(3)).schema()));
    } else {
      notFound(exchange);
    }
  }

  private void routeConfig(JsonExchange exchange, String method, List<String> path)
      throws IOException {
    if (path.size() > 2) {
      notFound(exchange);
      return;
    }
    String subject = path.size() == 2 ? path.get(1) : null;
    if (method.equals("GET")) {
      CompatibilityLevel level =
          subject == null
              ? registry.globalLevel()
              : registry.subjectLevel(
                  subject,
                  "true".equalsIgnoreCase(exchange.queryParameters().get("defaultToGlobal")));
      exchange.respond(200, Map.of("compatibilityLevel", level.name()));
    } else if (method.equals("PUT")) {
      JsonNode body = exchange.body();
      String requested =
          body.hasNonNull("compatibility") ? body.get("compatibility").asText() : null;
      exchange.respond(200, Map.of("compatibility", registry.setLevel(subject, requested).name()));
    } else {
      notFound(exchange);
    }
  }

  private static String schemaText(JsonExchange exchange) throws IOException {
    JsonNode body = exchange.body();
    String type = body.path("schemaType").asText("AVRO");
    if (!type.equalsIgnoreCase("AVRO")) {
      throw RegistryException.invalidSchema("only AVRO schemas are supported here, not " + type);
    }
    if (body.path("references").size() > 0) {
      throw RegistryException.invalidSchema(
          "schema references are not supported by the local registry");
    }
    JsonNode schema = body.get("schema");
    return schema == null || schema.isNull()
        ? null
        : schema.isTextual() ? schema.asText() : schema.toString();
  }

  private static int schemaId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound(text);
    }
  }

  private static Map<String, Object> describe(SubjectVersion version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", version.subject());
    body.put("version", version.version());
    body.put("id", version.id());
    body.put("schema", version.schema());
    return body;
  }

  private static Map<String, Object> error(int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    return body;
  }

  private static void notFound(JsonExchange exchange) throws IOException {
    exchange.respond(404, error(404, "HTTP 404 Not Found"));
  }
}
