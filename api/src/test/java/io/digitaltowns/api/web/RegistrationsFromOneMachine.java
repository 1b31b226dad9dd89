package io.digitaltowns.api.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Function;

/**
 * Registrations sent over real HTTP from this test machine (127.0.0.1), each with the
 * X-Forwarded-For it is told to carry: registration has a per-address limit, so its answers show
 * which bucket the api counted in.
 */
final class RegistrationsFromOneMachine {

  private final Function<HttpRequest.Builder, HttpResponse<String>> http;
  private final URI registration;

  /**
   * @param http the test's way of sending a request to the api; @param registration the
   *     registration address
   */
  RegistrationsFromOneMachine(
      Function<HttpRequest.Builder, HttpResponse<String>> http, URI registration) {
    this.http = http;
    this.registration = registration;
  }

  /**
   * The status of one registration of a new address, with this X-Forwarded-For (none when null).
   */
  int register(String forwardedFor) {
    String email = "xff-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(registration)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\""
                        + email
                        + "\",\"password\":\"correct horse battery staple\",\"displayName\":\"Forwarder\"}"));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return http.apply(request).statusCode();
  }
}
