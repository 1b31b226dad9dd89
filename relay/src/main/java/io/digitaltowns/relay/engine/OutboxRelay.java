package io.digitaltowns.relay.engine;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.ChangeEvent;
import io.debezium.embedded.Connect;
import io.digitaltowns.relay.RelayProperties;
import io.digitaltowns.relay.leadership.RelayLeadership;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the Debezium engine while this instance holds the relay lock, and waits as a standby
 * otherwise. An engine that fails (Kafka or the database unavailable) is restarted after a pause
 * from its last committed offset; nothing past that offset was acknowledged, so nothing is lost.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final RelayProperties properties;
  private final DataSourceProperties database;
  private final RelayMetrics metrics;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile Thread loop;
  private volatile boolean active;

  OutboxRelay(RelayProperties properties, DataSourceProperties database, RelayMetrics metrics) {
    this.properties = properties;
    this.database = database;
    this.metrics = metrics;
  }

  /** True while this instance holds the lock and its engine runs. */
  public boolean isActive() {
    return active;
  }

  @Override
  public void start() {
    loop = new Thread(this::run, "outbox-relay");
    loop.start();
  }

  @Override
  public void stop() {
    stopSignal.countDown();
    Thread running = loop;
    if (running != null) {
      try {
        running.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    loop = null;
  }

  @Override
  public boolean isRunning() {
    return loop != null;
  }

  private void run() {
    try (RelayLeadership leadership = new RelayLeadership(database.getUrl(), database.getUsername(),
        database.getPassword(), properties.lockId())) {
      boolean standbyLogged = false;
      while (!stopping()) {
        if (!leadership.tryAcquire()) {
          if (!standbyLogged) {
            log.info("Another relay holds the lock; standing by");
            standbyLogged = true;
          }
          pause(properties.standbyPoll());
          continue;
        }
        standbyLogged = false;
        boolean failed = runEngineWhileLeader(leadership);
        leadership.close();
        if (failed) {
          pause(properties.restartBackoff());
        }
      }
    }
  }

  /** @return true when the engine stopped on an error rather than on request */
  private boolean runEngineWhileLeader(RelayLeadership leadership) {
    CompletableFuture<Throwable> finished = new CompletableFuture<>();
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "debezium-engine"));
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig());
         DebeziumEngine<ChangeEvent<SourceRecord, SourceRecord>> engine = DebeziumEngine.create(Connect.class)
             .using(engineConfig())
             .notifying(new KafkaOutboxPublisher(producer, metrics))
             .using((success, message, error) -> finished.complete(success ? null : failure(message, error)))
             .build()) {
      executor.execute(engine);
      active = true;
      log.info("Relay active: streaming the outbox to Kafka");
      while (!stopping() && !finished.isDone() && leadership.isHeld()) {
        awaitQuietly(finished, Duration.ofSeconds(1));
      }
      if (!finished.isDone() && !stopping()) {
        log.warn("Lost the relay lock (database connection gone); stopping the engine");
      }
    } catch (IOException | RuntimeException e) {
      finished.complete(e);
    } finally {
      active = false;
      executor.shutdown();
      awaitTermination(executor);
    }
    Throwable error = finished.getNow(null);
    if (error != null && !stopping()) {
      log.warn("Relay engine stopped: {}; restarting in {}", error.getMessage(), properties.restartBackoff());
      return true;
    }
    return !stopping() && !leadership.isHeld();
  }

  private Properties engineConfig() {
    return DebeziumOutboxConfig.build(properties, database);
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(properties.kafka().properties());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "digitaltowns-relay");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  private static Throwable failure(String message, Throwable error) {
    return error != null ? error : new RelayFailedException(message, null);
  }

  private boolean stopping() {
    return stopSignal.getCount() == 0;
  }

  private void pause(Duration duration) {
    try {
      stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopSignal.countDown();
    }
  }

  private void awaitQuietly(CompletableFuture<?> future, Duration duration) {
    try {
      future.get(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      // checked again by the caller's loop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopSignal.countDown();
    }
  }

  private static void awaitTermination(ExecutorService executor) {
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
