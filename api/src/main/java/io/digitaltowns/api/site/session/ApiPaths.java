package io.digitaltowns.api.site.session;

import java.util.List;

/**
 * The paths the JSON API's security chain and error handling own (problem bodies, bearer tokens);
 * every other path is the site's. One list for the site's security chain and its error pages.
 */
public final class ApiPaths {

  /** Path patterns, as Spring's path matching reads them. */
  static final List<String> PATTERNS =
      List.of(
          "/api/**",
          "/actuator/**",
          "/v3/api-docs/**",
          "/swagger-ui/**",
          "/swagger-ui.html",
          "/oauth2/**",
          "/login/oauth2/**",
          "/health");

  private ApiPaths() {}

  /** Whether a request path (without query) belongs to the API rather than to the site. */
  public static boolean owns(String path) {
    if (path == null) {
      return false;
    }
    return PATTERNS.stream()
        .anyMatch(
            pattern ->
                pattern.endsWith("/**")
                    ? path.equals(pattern.substring(0, pattern.length() - 3))
                        || path.startsWith(pattern.substring(0, pattern.length() - 2))
                    : path.equals(pattern));
  }
}
