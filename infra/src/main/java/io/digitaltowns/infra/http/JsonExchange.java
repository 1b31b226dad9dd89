package io.digitaltowns.infra.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One HTTP request/response of a small JSON API served by the JDK's HttpServer. */
public final class JsonExchange {

  private final HttpExchange exchange;
  private final ObjectMapper json;
  private final String contentType;

  public JsonExchange(HttpExchange exchange, ObjectMapper json, String contentType) {
    this.exchange = exchange;
    this.json = json;
    this.contentType = contentType;
  }

  public String method() {
    return exchange.getRequestMethod().toUpperCase();
  }

  /** Decoded path segments after the context path, e.g. {@code ["subjects", "a/b", "versions"]}. */
  public List<String> pathSegments() {
    String path = exchange.getRequestURI().getRawPath();
    return Arrays.stream(path.split("/"))
        .filter(segment -> !segment.isEmpty())
        // '+' is literal in a path; URLDecoder would turn it into a space
        .map(segment -> URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))
        .toList();
  }

  public Map<String, String> queryParameters() {
    Map<String, String> parameters = new HashMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }

  /** The request body as JSON; an empty body reads as an empty object. */
  public JsonNode body() throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    }
  }

  public void respond(int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public void respondEmpty(int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
