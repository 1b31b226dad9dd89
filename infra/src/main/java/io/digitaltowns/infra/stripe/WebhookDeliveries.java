package io.digitaltowns.infra.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to the one webhook endpoint, signed as Stripe signs them
 * (https://docs.stripe.com/webhooks#verify-manually): {@code Stripe-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "<t>.<payload>">}, the time being the moment of the attempt (real
 * time, whatever the test clock says). A delivery that is not answered 2xx is tried again with a
 * growing delay (Stripe retries for three days; the stand-in for about a minute). Events wait while
 * no endpoint is set.
 */
final class WebhookDeliveries implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);
  private static final int MAX_ATTEMPTS = 7;

  private final String secret;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "stripe-standin-webhooks");
            thread.setDaemon(true);
            return thread;
          });
  private final List<WebhookEvent> waiting = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile String endpoint;
  private volatile DeliveryMode mode = DeliveryMode.IN_ORDER;

  WebhookDeliveries(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  String endpoint() {
    return endpoint;
  }

  synchronized void endpoint(String url) {
    this.endpoint = url;
    List<WebhookEvent> held = new ArrayList<>(waiting);
    waiting.clear();
    held.forEach(event -> schedule(event, 1, Duration.ZERO));
  }

  void mode(DeliveryMode mode) {
    this.mode = mode;
  }

  DeliveryMode mode() {
    return mode;
  }

  /**
   * The events of one action: in order, or (in {@link DeliveryMode#SHUFFLED_TWICE}) each twice in
   * random order.
   */
  synchronized void send(List<WebhookEvent> events) {
    List<WebhookEvent> deliveries = new ArrayList<>(events);
    if (mode == DeliveryMode.SHUFFLED_TWICE) {
      deliveries.addAll(events);
      Collections.shuffle(deliveries);
    }
    if (endpoint == null) {
      waiting.addAll(deliveries);
      return;
    }
    deliveries.forEach(event -> schedule(event, 1, Duration.ZERO));
  }

  /** Deliveries not yet answered 2xx (or given up), including those waiting for an endpoint. */
  synchronized int pending() {
    return inFlight.get() + waiting.size();
  }

  private void schedule(WebhookEvent event, int attempt, Duration delay) {
    inFlight.incrementAndGet();
    sender.schedule(() -> attempt(event, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void attempt(WebhookEvent event, int attempt) {
    try {
      int status = post(event);
      if (status / 100 == 2) {
        log.debug("Webhook {} ({}) delivered, attempt {}", event.id(), event.type(), attempt);
        return;
      }
      retry(event, attempt, "status " + status);
    } catch (Exception e) {
      retry(event, attempt, e.getClass().getSimpleName());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void retry(WebhookEvent event, int attempt, String why) {
    if (attempt >= MAX_ATTEMPTS) {
      log.warn(
          "Webhook {} ({}) given up after {} attempts: {}", event.id(), event.type(), attempt, why);
      return;
    }
    Duration delay = Duration.ofMillis(500L << (attempt - 1));
    log.info(
        "Webhook {} ({}) not accepted ({}); attempt {} in {} ms",
        event.id(),
        event.type(),
        why,
        attempt + 1,
        delay.toMillis());
    schedule(event, attempt + 1, delay);
  }

  private int post(WebhookEvent event) throws Exception {
    String target = endpoint;
    long now = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
            .header("Stripe-Signature", signature(event.payload(), now))
            .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  String signature(String payload, long unixSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
