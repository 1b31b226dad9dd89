package io.digitaltowns.benchmark.endtoend;

import io.digitaltowns.benchmark.OpenLoopRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /api/auth/register at a fixed rate, each with a new address; remembers every account
 * created.
 */
final class RegistrationLoad {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");

  /**
   * One registration answered with 201: the user id, the address, and when the 201 arrived (after
   * the commit).
   */
  record Created(String userId, String email, Instant answeredAt) {}

  record Result(OpenLoopRequests.Result requests, List<Created> created) {}

  private final OpenLoopRequests requests;
  private final URI register;

  RegistrationLoad(HttpClient http, String apiUrl) {
    this.requests = new OpenLoopRequests(http);
    this.register = URI.create(apiUrl + "/api/auth/register");
  }

  /**
   * Issues rate × seconds registrations; each account is also handed to onCreated as its 201
   * arrives.
   */
  Result run(int rate, int seconds, Consumer<Created> onCreated) throws InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Created> created = Collections.synchronizedList(new ArrayList<>(rate * seconds));
    OpenLoopRequests.Result result =
        requests.run(
            rate,
            seconds,
            i -> request(address(run, i)),
            201,
            (response, at) -> {
              Matcher id = ID.matcher(response.body());
              Matcher email = EMAIL.matcher(response.body());
              if (id.find() && email.find()) {
                Created c = new Created(id.group(1), email.group(1), at);
                created.add(c);
                onCreated.accept(c);
              }
            });
    return new Result(result, List.copyOf(created));
  }

  private static String address(String run, int i) {
    return "steady-" + run + "-" + i + "@example.org";
  }

  private HttpRequest request(String email) {
    String body =
        "{\"email\":\""
            + email
            + "\",\"password\":\"benchmark-password-1\",\"displayName\":\"Bench user\"}";
    return HttpRequest.newBuilder(register)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
