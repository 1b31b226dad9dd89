package io.digitaltowns.benchmark.peers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Steady state of a peer: {@code POST publishUri} at a fixed rate (async HTTP/1.1 sends on a schedule, open loop),
 * each 201 answering with the Kafka key of the event it committed, while a consumer assigned at the topic's end
 * offsets notes when each key arrives. Latency is 201 → record on Kafka, both clocks in this JVM; missing and
 * duplicated keys are counted.
 */
public final class SteadyPublishLoad {

  private static final Duration LAST_RECORDS_WAIT = Duration.ofSeconds(120);

  private SteadyPublishLoad() {
  }

  public static Map<String, Object> run(URI publishUri, String bootstrapServers, String topic, int ratePerSecond,
                                        int seconds) throws Exception {
    int total = ratePerSecond * seconds;
    Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    Map<String, Integer> copies = new ConcurrentHashMap<>();
    AtomicLong valueBytes = new AtomicLong();
    AtomicLong records = new AtomicLong();
    Histogram httpLatency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> lastFailure = new AtomicReference<>();

    AtomicBoolean reading = new AtomicBoolean(true);
    CountDownLatch readerReady = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        readerReady.countDown();
        while (reading.get()) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
            long now = System.nanoTime();
            if (record.key() != null) {
              String key = new String(record.key(), StandardCharsets.UTF_8);
              arrivedAt.putIfAbsent(key, now);
              copies.merge(key, 1, Integer::sum);
              records.incrementAndGet();
              valueBytes.addAndGet(record.value() == null ? 0 : record.value().length);
            }
          }
        }
      }
    }, "steady-topic-reader");
    reader.start();
    readerReady.await();

    ExecutorService httpThreads = Executors.newFixedThreadPool(8);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(httpThreads).connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest publish = HttpRequest.newBuilder(publishUri).POST(HttpRequest.BodyPublishers.noBody()).build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch responses = new CountDownLatch(total);
    long periodNanos = 1_000_000_000L / ratePerSecond;
    long start = System.nanoTime() + 100_000_000L;
    for (int i = 0; i < total; i++) {
      long intended = start + i * periodNanos;
      scheduler.schedule(() -> {
        http.sendAsync(publish, HttpResponse.BodyHandlers.ofString()).whenComplete((response, e) -> {
          long now = System.nanoTime();
          try {
            if (e != null || response.statusCode() != 201) {
              failures.incrementAndGet();
              lastFailure.set(e != null ? String.valueOf(e) : response.statusCode() + " " + response.body());
              return;
            }
            synchronized (httpLatency) {
              httpLatency.recordValue(Math.max(1, (now - intended) / 1_000));
            }
            answeredAt.put(response.body().trim(), now);
          } finally {
            responses.countDown();
          }
        });
      }, intended - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    responses.await(seconds + 120L, TimeUnit.SECONDS);
    long issuedNanos = System.nanoTime() - start;
    scheduler.shutdown();

    long waitStart = System.nanoTime();
    while (System.nanoTime() - waitStart < LAST_RECORDS_WAIT.toNanos()) {
      if (arrivedAt.keySet().containsAll(answeredAt.keySet())) {
        Thread.sleep(3_000); // a duplicate would arrive about now
        break;
      }
      Thread.sleep(200);
    }
    reading.set(false);
    reader.join(5_000);
    httpThreads.shutdown();

    Histogram toKafka = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    long arrivedBeforeAnswer = 0;
    for (Map.Entry<String, Long> answered : answeredAt.entrySet()) {
      Long arrived = arrivedAt.get(answered.getKey());
      if (arrived != null) {
        long micros = (arrived - answered.getValue()) / 1_000;
        if (micros < 1) {
          arrivedBeforeAnswer++;
        }
        toKafka.recordValue(Math.max(1, micros));
      }
    }
    long missing = answeredAt.keySet().stream().filter(k -> !arrivedAt.containsKey(k)).count();
    long duplicated = answeredAt.keySet().stream().filter(k -> copies.getOrDefault(k, 0) > 1).count();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("targetRatePerSecond", ratePerSecond);
    result.put("seconds", seconds);
    result.put("requestsIssued", total);
    result.put("eventsCommitted", answeredAt.size());
    result.put("requestFailures", failures.get());
    if (lastFailure.get() != null) {
      result.put("lastFailure", lastFailure.get().substring(0, Math.min(300, lastFailure.get().length())));
    }
    result.put("achievedRatePerSecond", round(answeredAt.size() / (issuedNanos / 1e9)));
    result.put("httpLatencyFromIntendedSendMs", percentilesMs(httpLatency));
    result.put("http201ToKafkaMs", percentilesMs(toKafka));
    result.put("recordBeforeHttp201Count", arrivedBeforeAnswer);
    result.put("missingOnKafka", missing);
    result.put("duplicatedOnKafka", duplicated);
    result.put("meanRecordValueBytes", records.get() == 0 ? null : valueBytes.get() / records.get());
    return result;
  }

  private static Map<String, Object> percentilesMs(Histogram h) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) {
      return result;
    }
    result.put("p50", round(h.getValueAtPercentile(50) / 1000.0));
    result.put("p95", round(h.getValueAtPercentile(95) / 1000.0));
    result.put("p99", round(h.getValueAtPercentile(99) / 1000.0));
    result.put("max", round(h.getMaxValue() / 1000.0));
    result.put("mean", round(h.getMean() / 1000.0));
    return result;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
