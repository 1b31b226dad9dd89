package io.digitaltowns.api.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over plain HTTP: keeps its cookies, follows no redirects by itself,
 * and submits forms with the CSRF token the page carried. For page tests that need no rendering
 * engine.
 */
public final class SiteClient {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http;
  private String lastCsrf;

  public SiteClient(int port) {
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpResponse<String> get(String path) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    Matcher csrf = CSRF.matcher(response.body());
    if (csrf.find()) {
      lastCsrf = csrf.group(1);
    }
    return response;
  }

  /** A GET with one extra header (HX-Request, say). */
  public HttpResponse<String> getWith(String path, String header, String value) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header(header, value)
            .GET());
  }

  /**
   * Opens {@code formPage}, then posts {@code fields} with that page's CSRF token to {@code
   * action}.
   */
  public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
    get(formPage);
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (lastCsrf != null) {
      all.put("_csrf", lastCsrf);
    }
    return post(action, all);
  }

  /** Posts exactly these fields (no CSRF token unless given). */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Posts JSON as a page's script does, with the page's CSRF token in the X-CSRF-TOKEN header (none
   * when null).
   */
  public HttpResponse<String> postJson(String path, String json, String csrfToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return send(request);
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
