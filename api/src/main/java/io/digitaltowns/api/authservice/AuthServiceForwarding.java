package io.digitaltowns.api.authservice;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the web service with AUTH_SERVICE_URL set: forwards every accounts request, as it came, to the
 * private auth service and relays its answer. Runs before security, since the auth service
 * authenticates those requests itself.
 */
class AuthServiceForwarding extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AuthServiceForwarding.class);
  /** hop-by-hop or recomputed headers, not passed on (RFC 9110 §7.6.1) */
  private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "transfer-encoding", "te",
      "upgrade", "host", "content-length", "expect", "proxy-connection", "trailer");

  private final AuthServiceProperties properties;
  private final HttpClient http;

  AuthServiceForwarding(AuthServiceProperties properties) {
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !AccountPaths.owns(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    URI target = URI.create(properties.url().toString().replaceAll("/+$", "") + request.getRequestURI()
        + (query == null ? "" : "?" + query));
    HttpRequest.Builder forwarded = HttpRequest.newBuilder(target).timeout(properties.timeout())
        .method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes()));
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
    // the auth service applies per-address abuse limits, so it must see the client's address
    String priorHops = request.getHeader("X-Forwarded-For");
    forwarded.setHeader("X-Forwarded-For", priorHops == null ? request.getRemoteAddr() : priorHops + ", " + request.getRemoteAddr());
    try {
      HttpResponse<InputStream> answer = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.setStatus(answer.statusCode());
      answer.headers().map().forEach((name, values) -> {
        if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
          values.forEach(value -> response.addHeader(name, value));
        }
      });
      try (InputStream body = answer.body()) {
        body.transferTo(response.getOutputStream());
      }
    } catch (ConnectException | HttpTimeoutException e) {
      log.warn("The auth service at {} did not answer: {}", properties.url(), e.getClass().getSimpleName());
      unavailable(request, response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(request, response);
    }
  }

  private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(502);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getWriter().write("{\"type\":\"https://digitaltowns.io/problems/auth-service-unavailable\","
        + "\"title\":\"Sign-in is unavailable\",\"status\":502,"
        + "\"detail\":\"The accounts service did not answer. Try again in a moment.\","
        + "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
  }
}
