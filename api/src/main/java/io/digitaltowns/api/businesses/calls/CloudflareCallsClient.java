package io.digitaltowns.api.businesses.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to Cloudflare's Calls API: creates the SFU session a browser then joins. */
@Component
class CloudflareCallsClient {

  private static final Logger log = LoggerFactory.getLogger(CloudflareCallsClient.class);

  private final CloudflareCallsProperties properties;
  private final JsonMapper json;
  private final HttpClient http;

  CloudflareCallsClient(CloudflareCallsProperties properties, JsonMapper json) {
    this.properties = properties;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** A new session; with the browser's SDP offer, Cloudflare answers with its SDP answer. */
  CallSession newSession(Map<String, String> offer) {
    URI uri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/apps/" + properties.appId()
        + "/sessions/new");
    String body = offer == null ? "" : json.writeValueAsString(Map.of("sessionDescription", offer));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
        .header("Authorization", "Bearer " + properties.secret())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      log.warn("Cloudflare Calls did not answer: {}", e.getClass().getSimpleName());
      throw new CallsUnavailableException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallsUnavailableException();
    }
    JsonNode answer = response.statusCode() / 100 == 2 ? json.readTree(response.body()) : null;
    if (answer == null || answer.path("sessionId").asString("").isEmpty() || answer.has("errorCode")) {
      // the body may describe the error; it never contains our secret
      log.warn("Cloudflare Calls refused a new session: status {}", response.statusCode());
      throw new CallsUnavailableException();
    }
    JsonNode description = answer.path("sessionDescription");
    return new CallSession(properties.appId(), answer.get("sessionId").asString(),
        description.isMissingNode() || description.isNull() ? null
            : Map.of("type", description.path("type").asString(""), "sdp", description.path("sdp").asString("")));
  }

  /** What the browser needs to join: the app and session ids and, if it sent an offer, the answer. */
  record CallSession(String appId, String sessionId, Map<String, String> sessionDescription) {
  }
}
