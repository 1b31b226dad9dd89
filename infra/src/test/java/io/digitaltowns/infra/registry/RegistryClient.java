package io.digitaltowns.infra.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Talks to a schema registry over HTTP the way a Confluent client does. */
final class RegistryClient {

  record Response(int status, JsonNode body, String contentType) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  RegistryClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Response register(String subject, String schema) {
    return send("POST", "/subjects/" + subject + "/versions", Map.of("schema", schema));
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  private Response send(String method, String path, Object body) {
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Content-Type", "application/vnd.schemaregistry.v1+json")
              .header("Accept", "application/vnd.schemaregistry.v1+json, application/json")
              .method(method, publisher)
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          JSON.readTree(response.body()),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
