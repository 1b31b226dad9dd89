package io.digitaltowns.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Requests at a fixed rate (open loop): each request has its intended send time on a schedule and
 * its latency counts from then, so an api that stalls shows as latency rather than as a slower
 * schedule (no coordinated omission). At most {@link #MAX_IN_FLIGHT} requests are outstanding, so
 * an api that cannot keep up is not buried under thousands of connections; waiting for a free slot
 * counts in the latency as well. A request whose turn comes more than {@link #LATE_LIMIT_SECONDS} s
 * after the run's end is not sent but counted: an api that cannot take the rate then shows as a
 * lower achieved rate, and the run still lasts about as long as asked.
 */
public final class OpenLoopRequests {

  public static final int MAX_IN_FLIGHT = 256;
  public static final int LATE_LIMIT_SECONDS = 5;

  public record Result(
      long issued,
      long notSentInTime,
      long answered,
      long failures,
      String lastFailure,
      double achievedPerSecond,
      LatencySummary latencyFromIntendedSend) {

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scheduled", issued);
      m.put("notSentInTime", notSentInTime);
      m.put("answeredAsExpected", answered);
      m.put("failures", failures);
      if (lastFailure != null) {
        m.put("lastFailure", lastFailure);
      }
      m.put("achievedPerSecond", achievedPerSecond);
      m.put("latencyFromIntendedSendMs", latencyFromIntendedSend.toMap());
      return m;
    }
  }

  private final HttpClient http;

  public OpenLoopRequests(HttpClient http) {
    this.http = http;
  }

  /**
   * Sends rate × seconds requests (the i-th built by requests.apply(i)); each answer with the
   * expected status is handed to onExpected with the instant it arrived. Requests answered
   * otherwise count as failures.
   */
  public Result run(
      int rate,
      int seconds,
      IntFunction<HttpRequest> requests,
      int expectedStatus,
      BiConsumer<HttpResponse<String>, Instant> onExpected)
      throws InterruptedException {
    int total = rate * seconds;
    LatencySummary latency = new LatencySummary();
    AtomicLong answered = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    AtomicLong notSent = new AtomicLong();
    AtomicReference<String> lastFailure = new AtomicReference<>();
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    long lastSendAt = start + TimeUnit.SECONDS.toNanos(seconds + LATE_LIMIT_SECONDS);
    for (int i = 0; i < total; i++) {
      int index = i;
      long intended = start + i * periodNanos;
      scheduler.schedule(
          () -> {
            inFlight.acquireUninterruptibly();
            if (System.nanoTime() > lastSendAt) {
              inFlight.release();
              notSent.incrementAndGet();
              done.countDown();
              return;
            }
            http.sendAsync(requests.apply(index), HttpResponse.BodyHandlers.ofString())
                .whenComplete(
                    (response, error) -> {
                      Instant at = Instant.now();
                      long after = System.nanoTime();
                      inFlight.release();
                      lastAnswer.accumulateAndGet(after, Math::max);
                      try {
                        if (error != null || response.statusCode() != expectedStatus) {
                          failures.incrementAndGet();
                          lastFailure.set(
                              error != null
                                  ? String.valueOf(error)
                                  : response.statusCode() + " " + response.body());
                          return;
                        }
                        latency.record((after - intended) / 1_000);
                        answered.incrementAndGet();
                        onExpected.accept(response, at);
                      } finally {
                        done.countDown();
                      }
                    });
          },
          intended - System.nanoTime(),
          TimeUnit.NANOSECONDS);
    }
    done.await(seconds + 180L, TimeUnit.SECONDS);
    scheduler.shutdownNow();
    long elapsed = Math.max(1, lastAnswer.get() - start);
    String failure = lastFailure.get();
    return new Result(
        total,
        notSent.get(),
        answered.get(),
        failures.get(),
        failure == null ? null : failure.substring(0, Math.min(300, failure.length())),
        Math.round(answered.get() / (elapsed / 1e9) * 10) / 10.0,
        latency);
  }
}
