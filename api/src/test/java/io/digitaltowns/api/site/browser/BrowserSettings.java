package io.digitaltowns.api.site.browser;

/**
 * A setting of the browser tests: a JVM system property ({@code -D...}) or else an environment
 * variable.
 */
final class BrowserSettings {

  private BrowserSettings() {}

  static String value(String systemProperty, String environmentVariable) {
    String value = System.getProperty(systemProperty);
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
