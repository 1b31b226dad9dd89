package io.digitaltowns.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Talks to the running api over HTTP, as the web frontend would. */
final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "correct horse battery staple";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  ApiClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  static String uniqueEmail(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /**
   * @return the new user's id
   */
  String register(String email, String displayName) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("email", email)
            .put("password", PASSWORD)
            .put("displayName", displayName);
    HttpResponse<String> response = post("/api/auth/register", body.toString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "registration answered " + response.statusCode() + ": " + response.body());
    }
    return read(response.body()).get("id").asText();
  }

  /** Signs in with the password {@link #register} gives everyone; @return the access token */
  String signIn(String email) {
    HttpResponse<String> response =
        post(
            "/api/auth/login",
            JSON.createObjectNode().put("email", email).put("password", PASSWORD).toString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "sign-in answered " + response.statusCode() + ": " + response.body());
    }
    return read(response.body()).get("accessToken").asText();
  }

  /**
   * A call as the holder of {@code token} that must succeed (2xx); {@code body} null sends none.
   */
  HttpResponse<String> call(String method, String path, String token, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        send(
            request
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    if (response.statusCode() >= 300) {
      throw new AssertionError(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  HttpResponse<String> post(String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return send(request);
  }

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  HttpResponse<String> get(String url, String accessToken) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + accessToken)
            .GET()
            .build());
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
