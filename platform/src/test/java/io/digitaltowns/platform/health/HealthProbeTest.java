package io.digitaltowns.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The image's health check, against a real HTTP server: it needs nothing but the JRE the image has.
 */
class HealthProbeTest {

  private HttpServer server;
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final CountDownLatch never = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/actuator/health/liveness",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.createContext(
        "/hangs",
        exchange -> {
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    never.countDown();
    server.stop(0);
  }

  @Test
  void a_service_that_answers_2xx_is_healthy() {
    assertThat(HealthProbe.check(url("/health"), HealthProbe.TIMEOUT, out())).isZero();
    assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void a_service_that_answers_503_is_unhealthy_and_the_log_says_so() {
    assertThat(HealthProbe.check(url("/actuator/health/liveness"), HealthProbe.TIMEOUT, out()))
        .isOne();
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("answered 503");
  }

  @Test
  void a_service_that_does_not_answer_in_time_is_unhealthy() {
    assertThat(HealthProbe.check(url("/hangs"), Duration.ofMillis(300), out())).isOne();
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("did not answer");
  }

  @Test
  void a_port_nobody_listens_on_is_unhealthy() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThat(
            HealthProbe.check(
                URI.create("http://127.0.0.1:" + closed + "/health"), HealthProbe.TIMEOUT, out()))
        .isOne();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private PrintStream out() {
    return new PrintStream(errors, true, StandardCharsets.UTF_8);
  }
}
