package io.digitaltowns.consumers.analytics;

import io.digitaltowns.consumers.events.DeadLetterTopics;
import io.digitaltowns.events.wire.UndecodableEventException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that can never be decoded (not in the wire format, unknown schema id) goes to {@code
 * <topic>.analytics.dlt} with the headers Spring Kafka's dead-letter recoverer writes (so the ops
 * tool shows and redrives it like any other dead letter), and the topology goes on. Anything else
 * (the registry unreachable, say) stops the stream thread, which is replaced and tries the record
 * again.
 */
public class UndecodableToDeadLetters implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(UndecodableToDeadLetters.class);

  private Map<String, Object> producerConfigs;
  private String group;

  @Override
  public void configure(Map<String, ?> configs) {
    producerConfigs = new HashMap<>();
    configs.forEach(
        (key, value) -> {
          if (ProducerConfig.configNames().contains(key)) {
            producerConfigs.put(key, value);
          }
        });
    producerConfigs.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfigs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfigs.put(
        ProducerConfig.CLIENT_ID_CONFIG, configs.get("application.id") + "-dead-letters");
    producerConfigs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    this.group = String.valueOf(configs.get("application.id"));
  }

  @Override
  public DeserializationHandlerResponse handle(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (!(exception instanceof UndecodableEventException)) {
      return DeserializationHandlerResponse.FAIL;
    }
    String deadLetters = DeadLetterTopics.of(record.topic(), group);
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add("kafka_dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
    headers.add(
        "kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(record.partition()).array());
    headers.add(
        "kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(record.offset()).array());
    headers.add(
        "kafka_dlt-original-timestamp", ByteBuffer.allocate(8).putLong(record.timestamp()).array());
    headers.add("kafka_dlt-original-consumer-group", group.getBytes(StandardCharsets.UTF_8));
    headers.add(
        "kafka_dlt-exception-fqcn",
        exception.getClass().getName().getBytes(StandardCharsets.UTF_8));
    headers.add(
        "kafka_dlt-exception-message",
        String.valueOf(exception.getMessage()).getBytes(StandardCharsets.UTF_8));
    // a producer per dead letter: they are rare, and Kafka Streams never closes its handlers
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerConfigs, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(new ProducerRecord<>(deadLetters, null, record.key(), record.value(), headers))
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.error(
          "could not dead-letter {}-{}@{} to {}",
          record.topic(),
          record.partition(),
          record.offset(),
          deadLetters,
          e);
      return DeserializationHandlerResponse.FAIL;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeserializationHandlerResponse.FAIL;
    }
    log.warn(
        "dead-lettered undecodable record {}-{}@{} to {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        deadLetters,
        exception.getMessage());
    return DeserializationHandlerResponse.CONTINUE;
  }
}
