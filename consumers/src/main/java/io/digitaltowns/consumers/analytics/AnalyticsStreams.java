package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.wire.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@code analytics} topology while the application runs, when enabled. Kafka connection
 * and security settings are the consumers' own ({@code spring.kafka.*}); processing is exactly-once
 * (v2), so the seen event ids, the state and the output records of one commit are written together
 * or not at all.
 */
@Component
class AnalyticsStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsStreams.class);

  /**
   * A failing thread is replaced after this pause, so an outage (the registry, say) is retried, not
   * spun on.
   */
  private static final Duration PAUSE_BEFORE_REPLACING_A_THREAD = Duration.ofSeconds(5);

  private final AnalyticsProperties properties;
  private final KafkaProperties kafka;
  private final SchemaRegistryClient registry;
  private volatile KafkaStreams streams;

  AnalyticsStreams(
      AnalyticsProperties properties, KafkaProperties kafka, SchemaRegistryClient registry) {
    this.properties = properties;
    this.kafka = kafka;
    this.registry = registry;
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      log.info("analytics is off (CONSUMER_ANALYTICS_ENABLED=false)");
      return;
    }
    KafkaStreams started =
        new KafkaStreams(AnalyticsTopology.build(new WireFormatSerde(registry)), config());
    started.setUncaughtExceptionHandler(
        failure -> {
          log.error(
              "analytics stream thread failed; replacing it in {} s",
              PAUSE_BEFORE_REPLACING_A_THREAD.toSeconds(),
              failure);
          try {
            Thread.sleep(PAUSE_BEFORE_REPLACING_A_THREAD.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    started.start();
    streams = started;
    log.info(
        "analytics is on: application id {}, state in {}", properties.applicationId(), stateDir());
  }

  @Override
  public void stop() {
    KafkaStreams running = streams;
    if (running != null) {
      running.close(Duration.ofSeconds(30));
      streams = null;
    }
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  /** The topology's state, or null when analytics is off. */
  KafkaStreams.State state() {
    KafkaStreams running = streams;
    return running == null ? null : running.state();
  }

  Properties config() {
    Properties config = new Properties();
    Map<String, Object> common = kafka.buildStreamsProperties();
    config.putAll(common);
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, properties.replicationFactor());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, properties.threads());
    config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        UndecodableToDeadLetters.class);
    // a new application id starts from the oldest event kept, like every other group
    config.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    return config;
  }

  private String stateDir() {
    // an empty ANALYTICS_STATE_DIR (as in .env.example) means the default, not the working
    // directory
    return properties.stateDir() != null && !properties.stateDir().toString().isBlank()
        ? properties.stateDir().toAbsolutePath().toString()
        : System.getProperty("java.io.tmpdir") + "/digitaltowns-analytics";
  }
}
