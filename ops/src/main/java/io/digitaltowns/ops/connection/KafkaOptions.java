package io.digitaltowns.ops.connection;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Option;

/** Where Kafka is, for the commands that talk to it. */
public class KafkaOptions {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "<host:port,...>",
      defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
      description =
          "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS, default ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(
      names = "--kafka-config",
      paramLabel = "<file>",
      defaultValue = "${env:KAFKA_CLIENT_CONFIG}",
      description =
          "Properties file with extra Kafka client settings, e.g. SASL/SSL for a managed cluster "
              + "(like --command-config of Kafka's own tools; env KAFKA_CLIENT_CONFIG).")
  Path clientConfig;

  public KafkaOptions() {}

  public KafkaOptions(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Admin admin() {
    return Admin.create(common("digitaltowns-ops-admin"));
  }

  /**
   * A consumer that never commits by itself; {@code groupId} may be null for a consumer that only
   * reads (assigned partitions, no group).
   */
  public KafkaConsumer<byte[], byte[]> consumer(String groupId) {
    Map<String, Object> config = common("digitaltowns-ops-consumer");
    if (groupId != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(config);
  }

  /** Same guarantees as the relay: acks=all, idempotent. */
  public KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(producerConfig());
  }

  /**
   * As {@link #producer()}, with one request in flight per connection, for writing into partitions
   * just created: a new partition can refuse the first batch (NOT_LEADER_OR_FOLLOWER) while later
   * batches already in flight are accepted, after which the idempotent producer can never place the
   * first one (OutOfOrderSequence) and it expires. Larger batches make up for the round trip each
   * one waits for.
   */
  public KafkaProducer<byte[], byte[]> orderedProducer() {
    Map<String, Object> config = producerConfig();
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    return new KafkaProducer<>(config);
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = common("digitaltowns-ops-producer");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  private Map<String, Object> common(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    if (clientConfig != null) {
      Properties extra = new Properties();
      try (Reader reader = Files.newBufferedReader(clientConfig)) {
        extra.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Kafka client settings " + clientConfig, e);
      }
      extra.forEach((key, value) -> config.put(key.toString(), value));
    }
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }
}
