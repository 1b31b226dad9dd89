package io.digitaltowns.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * Passes a request, as it came (method, path, query, headers with the caller's Authorization,
 * body), to a private service of the same jar and relays its answer. When that service does not
 * answer, the client gets a 502 problem naming what is unavailable, never the request.
 */
public class ServiceForwarder {

  private static final Logger log = LoggerFactory.getLogger(ServiceForwarder.class);

  /** hop-by-hop or recomputed headers, not passed on (RFC 9110 §7.6.1) */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "te",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "proxy-connection",
          "trailer");

  /** The 502 problem: its type URI, title and detail. */
  public record Unavailable(String type, String title, String detail) {}

  private final URI base;
  private final Duration timeout;
  private final Unavailable unavailable;
  private final HttpClient http;

  public ServiceForwarder(URI base, Duration timeout, Unavailable unavailable) {
    this.base = base;
    this.timeout = timeout;
    this.unavailable = unavailable;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String query = request.getQueryString();
    URI target =
        URI.create(
            base.toString().replaceAll("/+$", "")
                + request.getRequestURI()
                + (query == null ? "" : "?" + query));
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .method(
                request.getMethod(),
                HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
    var names = request.getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      if (!NOT_FORWARDED.contains(name.toLowerCase())) {
        var values = request.getHeaders(name);
        while (values.hasMoreElements()) {
          forwarded.header(name, values.nextElement());
        }
      }
    }
    // per-address abuse limits there must see the client's address, not ours
    String priorHops = request.getHeader("X-Forwarded-For");
    forwarded.setHeader(
        "X-Forwarded-For",
        priorHops == null ? request.getRemoteAddr() : priorHops + ", " + request.getRemoteAddr());
    try {
      HttpResponse<InputStream> answer =
          http.send(forwarded.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.setStatus(answer.statusCode());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  values.forEach(value -> response.addHeader(name, value));
                }
              });
      try (InputStream body = answer.body()) {
        body.transferTo(response.getOutputStream());
      }
    } catch (ConnectException | HttpTimeoutException e) {
      log.warn("The service at {} did not answer: {}", base, e.getClass().getSimpleName());
      unavailable(request, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(request, response);
    }
  }

  private void unavailable(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setStatus(502);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + unavailable.type()
                + "\",\"title\":\""
                + unavailable.title()
                + "\",\"status\":502,\"detail\":\""
                + unavailable.detail()
                + "\","
                + "\"instance\":\""
                + request.getRequestURI().replace("\"", "").replace("\\", "")
                + "\"}");
  }
}
