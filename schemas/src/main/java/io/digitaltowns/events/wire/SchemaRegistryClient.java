package io.digitaltowns.events.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Talks to a Confluent-compatible schema registry over its REST API. The Confluent client jars are
 * not available to this project, and the few calls we need do not justify them anyway. Ids and
 * schemas are immutable once registered, so both directions are cached for the life of the process.
 */
public class SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final URI baseUri;
  private final String authorization;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public SchemaRegistryClient(String baseUrl) {
    this(baseUrl, null, null);
  }

  /** Basic auth is what Confluent Cloud, Aiven (Karapace) and Redpanda expect for API keys. */
  public SchemaRegistryClient(String baseUrl, String username, String password) {
    this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.authorization =
        username == null || username.isBlank()
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Registers (or finds) the schema under the subject and returns its global id. */
  public int register(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(
        subject + "\u0000" + schema.toString(),
        key -> {
          JsonNode body = send("POST", "subjects/" + subject + "/versions", schemaBody(schema));
          int id = body.get("id").asInt();
          schemasById.putIfAbsent(id, schema);
          return id;
        });
  }

  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(
        id,
        key -> {
          JsonNode body = send("GET", "schemas/ids/" + id, null);
          return new Schema.Parser().parse(body.get("schema").asText());
        });
  }

  /** Asks the registry whether the schema may become the subject's next version. */
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode body =
          send(
              "POST", "compatibility/subjects/" + subject + "/versions/latest", schemaBody(schema));
      return body.get("is_compatible").asBoolean();
    } catch (SchemaRegistryException e) {
      if (e.status() == 404) {
        return true; // a subject with no version yet accepts any schema
      }
      throw e;
    }
  }

  /** How many subjects the registry holds; a cheap call that proves it answers (health checks). */
  public int subjectCount() {
    return send("GET", "subjects", null).size();
  }

  private String schemaBody(Schema schema) {
    ObjectNode body = json.createObjectNode();
    body.put("schema", schema.toString());
    return body.toString();
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUri.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", CONTENT_TYPE)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new SchemaRegistryException(
            response.statusCode(),
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException(0, method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(0, method + " " + path + " interrupted", e);
    }
  }
}
