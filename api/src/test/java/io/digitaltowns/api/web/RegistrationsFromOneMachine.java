package io.digitaltowns.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Registrations sent over real HTTP from this test machine (127.0.0.1), each with the X-Forwarded-For it is
 * told to carry: registration has a per-address limit, so its answers show which bucket the api counted in.
 */
final class RegistrationsFromOneMachine {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  RegistrationsFromOneMachine(int port) {
    this.port = port;
  }

  /** The status of one registration of a new address, with this X-Forwarded-For (none when null). */
  int register(String forwardedFor) {
    String email = "xff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/register"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
            + "\",\"password\":\"correct horse battery staple\",\"displayName\":\"Forwarder\"}"));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
