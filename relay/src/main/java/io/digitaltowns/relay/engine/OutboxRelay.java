package io.digitaltowns.relay.engine;

import io.digitaltowns.relay.RelayProperties;
import io.digitaltowns.relay.leadership.RelayLeadership;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the relay's {@link OutboxStream} (Debezium or polling, by RELAY_MODE) while this instance
 * holds the relay lock, and waits as a standby otherwise. A stream that fails (Kafka or the
 * database unavailable) is restarted after a pause; it confirmed nothing Kafka had not
 * acknowledged, so nothing is lost.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /**
   * How often a running stream asks whether the lock is still held (a round trip to PostgreSQL).
   */
  private static final Duration LEADERSHIP_CHECK = Duration.ofSeconds(1);

  private final RelayProperties properties;
  private final DataSourceProperties database;
  private final RelayMetrics metrics;
  private final OutboxStream stream;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile Thread loop;
  private volatile boolean active;

  OutboxRelay(
      RelayProperties properties,
      DataSourceProperties database,
      RelayMetrics metrics,
      OutboxStream stream) {
    this.properties = properties;
    this.database = database;
    this.metrics = metrics;
    this.stream = stream;
  }

  /** True while this instance holds the lock and its stream runs. */
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
    try (RelayLeadership leadership =
        new RelayLeadership(
            database.getUrl(),
            database.getUsername(),
            database.getPassword(),
            properties.lockId())) {
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
        boolean failed = relayWhileLeader(leadership);
        leadership.close();
        if (failed) {
          pause(properties.restartBackoff());
        }
      }
    }
  }

  /**
   * @return true when the stream stopped on an error or a lost lock rather than on request
   */
  private boolean relayWhileLeader(RelayLeadership leadership) {
    try (Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
      active = true;
      log.info(
          "Relay active ({} mode): relaying the outbox to Kafka",
          properties.mode().name().toLowerCase());
      stream.relay(new OutboxSender(producer, metrics), new LeaderControl(leadership));
      if (!stopping() && !leadership.isHeld()) {
        log.warn("Lost the relay lock (database connection gone); stopped relaying");
        return true;
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopSignal.countDown();
      return false;
    } catch (Exception e) {
      if (stopping()) {
        return false;
      }
      log.warn("Relay stopped: {}; restarting in {}", e.getMessage(), properties.restartBackoff());
      return true;
    } finally {
      active = false;
    }
  }

  /**
   * The relay's own guarantees come last: a client setting from KAFKA_* (acks=1, say) cannot weaken
   * them.
   */
  Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(properties.kafka().properties());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) properties.kafka().batchSize().toBytes());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "digitaltowns-relay");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
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

  /**
   * Keeps a stream going while the relay runs and the lock is held, asking PostgreSQL at most once
   * a second.
   */
  private final class LeaderControl implements RelayControl {

    private final RelayLeadership leadership;
    private long nextCheck = System.nanoTime();
    private boolean held = true;

    private LeaderControl(RelayLeadership leadership) {
      this.leadership = leadership;
    }

    @Override
    public boolean keepGoing() {
      if (stopping()) {
        return false;
      }
      long now = System.nanoTime();
      if (now - nextCheck >= 0) {
        held = leadership.isHeld();
        nextCheck = now + LEADERSHIP_CHECK.toNanos();
      }
      return held;
    }

    @Override
    public void pause(Duration duration) {
      OutboxRelay.this.pause(duration);
    }
  }
}
