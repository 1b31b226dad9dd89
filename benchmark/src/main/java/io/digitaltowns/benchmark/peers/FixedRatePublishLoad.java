package io.digitaltowns.benchmark.peers;

import io.digitaltowns.benchmark.LatencySummary;
import io.digitaltowns.benchmark.OpenLoopRequests;
import io.digitaltowns.benchmark.TopicArrivals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * POST publishUri at a fixed rate; each 201 carries the Kafka key of the event its transaction
 * committed, and the latency runs from that 201 to the record's arrival on the topic (the same
 * measure as the api's registrations).
 */
final class FixedRatePublishLoad {

  private FixedRatePublishLoad() {}

  static Map<String, Object> run(
      URI publishUri, String bootstrapServers, String topic, int rate, int seconds, Duration settle)
      throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Map<String, Instant> answeredAt = new ConcurrentHashMap<>();
    Map<String, Object> result = new LinkedHashMap<>();
    try (TopicArrivals arrivals = TopicArrivals.fromEnd(bootstrapServers, topic)) {
      OpenLoopRequests.Result requests =
          new OpenLoopRequests(http)
              .run(
                  rate,
                  seconds,
                  i ->
                      HttpRequest.newBuilder(publishUri)
                          .POST(HttpRequest.BodyPublishers.noBody())
                          .build(),
                  201,
                  (response, at) -> answeredAt.put(response.body().trim(), at));
      long settleUntil = System.nanoTime() + settle.toNanos();
      while (System.nanoTime() < settleUntil && !arrivals.hasAll(answeredAt.keySet())) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
      TimeUnit.SECONDS.sleep(3); // a second copy would arrive about now
      LatencySummary toKafka = new LatencySummary();
      long missing = 0;
      long duplicated = 0;
      long beforeAnswer = 0;
      for (Map.Entry<String, Instant> answer : answeredAt.entrySet()) {
        Instant arrived = arrivals.firstArrival(answer.getKey());
        if (arrived == null) {
          missing++;
          continue;
        }
        if (arrived.isBefore(answer.getValue())) {
          beforeAnswer++;
        }
        toKafka.record(Duration.between(answer.getValue(), arrived).toNanos() / 1_000);
        if (arrivals.copies(answer.getKey()) > 1) {
          duplicated++;
        }
      }
      result.put("targetRatePerSecond", rate);
      result.put("seconds", seconds);
      result.put("requests", requests.toMap());
      result.put("commitToKafkaMs", toKafka.toMap());
      result.put("recordBeforeHttp201Count", beforeAnswer);
      result.put("missingOnKafka", missing);
      result.put("duplicatedOnKafka", duplicated);
    }
    return result;
  }
}
