package io.digitaltowns.api.ops;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.stereotype.Component;

/**
 * Short-lived Kafka clients for the operations page, made per look or per redrive: the page is
 * opened rarely, and no connection is held in between. Every question may take {@link
 * OpsProperties#timeout()}.
 */
@Component
class OpsKafka {

  private final OpsProperties properties;

  OpsKafka(OpsProperties properties) {
    this.properties = properties;
  }

  boolean configured() {
    return !properties.kafkaBootstrapServers().isBlank();
  }

  Admin admin() {
    return Admin.create(common("digitaltowns-api-ops"));
  }

  /**
   * Reads dead-letter topics by assignment (never joins a group); commits only the redrive ledger,
   * by hand.
   */
  KafkaConsumer<byte[], byte[]> ledgerConsumer() {
    Map<String, Object> config = common("digitaltowns-api-redrive");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.redriveGroup());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(config);
  }

  /** Acknowledged by every in-sync replica, idempotent: as the ops tool and the relay send. */
  KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> config = common("digitaltowns-api-redrive");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) properties.timeout().toMillis());
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) Math.max(properties.timeout().toMillis() * 2, 30_000));
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(config);
  }

  private Map<String, Object> common(String clientId) {
    Map<String, Object> config = new HashMap<>(properties.kafkaProperties());
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    int timeoutMs = (int) properties.timeout().toMillis();
    config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    return config;
  }
}
