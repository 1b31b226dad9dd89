package io.digitaltowns.api.businesses.calls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
    JsonNode answer =
        send(
            "POST",
            "/sessions/new",
            offer == null ? "" : json.writeValueAsString(Map.of("sessionDescription", offer)),
            "a new session");
    if (answer.path("sessionId").asString("").isEmpty()) {
      log.warn("Cloudflare Calls answered a new session without its id");
      throw new CallsUnavailableException();
    }
    return new CallSession(
        properties.appId(), answer.get("sessionId").asString(), description(answer));
  }

  /**
   * Publishes the browser's tracks in its session under their names (the other side pulls them by
   * these names): Cloudflare answers the browser's SDP offer.
   *
   * @param tracks the offer's media sections: mid → track name
   * @return Cloudflare's SDP answer
   */
  String pushTracks(String sessionId, String offerSdp, Map<String, String> tracks) {
    List<Map<String, String>> local =
        tracks.entrySet().stream()
            .map(
                track ->
                    Map.of(
                        "location", "local", "mid", track.getKey(), "trackName", track.getValue()))
            .toList();
    JsonNode answer =
        send(
            "POST",
            "/sessions/" + sessionId + "/tracks/new",
            json.writeValueAsString(
                Map.of(
                    "sessionDescription",
                    Map.of("type", "offer", "sdp", offerSdp),
                    "tracks",
                    local)),
            "published tracks");
    return sdp(answer, "answer");
  }

  /**
   * Subscribes the session to another session's tracks: Cloudflare answers with an SDP offer the
   * browser must answer ({@link #renegotiate}).
   *
   * @return Cloudflare's SDP offer
   */
  String pullTracks(String sessionId, String otherSessionId, List<String> trackNames) {
    List<Map<String, String>> remote =
        trackNames.stream()
            .map(
                name ->
                    Map.of("location", "remote", "sessionId", otherSessionId, "trackName", name))
            .toList();
    JsonNode answer =
        send(
            "POST",
            "/sessions/" + sessionId + "/tracks/new",
            json.writeValueAsString(Map.of("tracks", remote)),
            "pulled tracks");
    return sdp(answer, "offer");
  }

  /** The browser's SDP answer to the offer of {@link #pullTracks}. */
  void renegotiate(String sessionId, String answerSdp) {
    send(
        "PUT",
        "/sessions/" + sessionId + "/renegotiate",
        json.writeValueAsString(
            Map.of("sessionDescription", Map.of("type", "answer", "sdp", answerSdp))),
        "a renegotiation");
  }

  private JsonNode send(String method, String path, String body, String what) {
    URI uri =
        URI.create(
            properties.baseUrl().toString().replaceAll("/+$", "")
                + "/apps/"
                + properties.appId()
                + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(properties.timeout())
            .header("Authorization", "Bearer " + properties.secret())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
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
    JsonNode answer = response.statusCode() / 100 == 2 ? readOrNull(response.body()) : null;
    if (answer == null || answer.has("errorCode")) {
      // the body may describe the error; it never contains our secret
      log.warn("Cloudflare Calls refused {}: status {}", what, response.statusCode());
      throw new CallsUnavailableException();
    }
    return answer;
  }

  private JsonNode readOrNull(String body) {
    try {
      return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static Map<String, String> description(JsonNode answer) {
    JsonNode description = answer.path("sessionDescription");
    return description.isMissingNode() || description.isNull()
        ? null
        : Map.of(
            "type",
            description.path("type").asString(""),
            "sdp",
            description.path("sdp").asString(""));
  }

  private static String sdp(JsonNode answer, String type) {
    JsonNode description = answer.path("sessionDescription");
    if (!type.equals(description.path("type").asString(""))
        || description.path("sdp").asString("").isEmpty()) {
      log.warn("Cloudflare Calls answered without the SDP {} it owes", type);
      throw new CallsUnavailableException();
    }
    return description.get("sdp").asString();
  }

  /**
   * What the browser needs to join: the app and session ids and, if it sent an offer, the answer.
   */
  record CallSession(String appId, String sessionId, Map<String, String> sessionDescription) {}
}
