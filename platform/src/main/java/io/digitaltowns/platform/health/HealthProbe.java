package io.digitaltowns.platform.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * The container image's health check: GET one URL, healthy on a 2xx answer. A class of the JDK
 * only, run as {@code java -cp /app/probe io.digitaltowns.platform.health.HealthProbe URL}, because
 * the runtime image is a bare JRE: it has no curl (Temurin's JRE images dropped it, and none ever
 * promised it) and no wget.
 */
public final class HealthProbe {

  /** Docker's own health-check timeout is 5 s: answer before it. */
  static final Duration TIMEOUT = Duration.ofSeconds(4);

  private HealthProbe() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: HealthProbe URL");
      System.exit(64);
    }
    System.exit(check(URI.create(args[0]), TIMEOUT, System.err));
  }

  /**
   * 0 when the URL answers 2xx within the timeout, 1 otherwise (with one line on {@code errors}
   * saying why).
   */
  static int check(URI url, Duration timeout, PrintStream errors) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) url.toURL().openConnection();
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      connection.setInstanceFollowRedirects(false);
      int status = connection.getResponseCode();
      drain(connection);
      if (status >= 200 && status < 300) {
        return 0;
      }
      errors.println("healthcheck: " + url + " answered " + status);
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      errors.println("healthcheck: " + url + " did not answer: " + e);
      return 1;
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** The answer's body is not needed; an error answer without one is still an answer. */
  private static void drain(HttpURLConnection connection) {
    try (InputStream body =
        connection.getErrorStream() != null
            ? connection.getErrorStream()
            : connection.getInputStream()) {
      if (body != null) {
        body.readAllBytes();
      }
    } catch (IOException e) {
      // the status line said what matters
    }
  }
}
