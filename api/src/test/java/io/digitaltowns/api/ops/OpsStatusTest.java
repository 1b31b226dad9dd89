package io.digitaltowns.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.digitaltowns.api.ApiHttpTest;
import io.digitaltowns.infra.LocalStack;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OpsStatusTest extends ApiHttpTest {

  private final String bootstrap = LocalStack.shared().kafkaBootstrapServers();

  @Test
  void an_admin_sees_each_consumer_groups_lag_and_the_dead_letters_waiting() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String topic = "ops-test-" + suffix;
    String deadLetters = topic + ".email.dlt";
    String group = "ops-test-group-" + suffix;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin
          .createTopics(
              List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
          .all()
          .get();
    }
    produce(topic, 5);
    produce(deadLetters, 2);
    commit(group, new TopicPartition(topic, 0), 1); // consumed 1 of 5: 4 behind

    HttpResponse<String> response = get("/api/admin/ops/status", admin().accessToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode status = read(response);
    assertThat(status.at("/kafka/error").isNull()).isTrue();
    JsonNode groupStatus = find(status.at("/kafka/consumerGroups"), "group", group);
    assertThat(groupStatus.get("totalLag").asLong()).isEqualTo(4);
    assertThat(groupStatus.at("/topics/0/topic").asText()).isEqualTo(topic);
    assertThat(find(status.at("/kafka/deadLetters"), "topic", deadLetters).get("records").asLong())
        .isEqualTo(2);
    assertThat(status.at("/relay/slot").asText()).isEqualTo("dt_outbox_relay");
    assertThat(status.at("/relay/mode").asText()).isEqualTo("debezium");
    assertThat(status.at("/relay/outboxRows").asLong()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void a_resident_may_not_see_the_ops_status() {
    assertThat(
            get("/api/admin/ops/status", registerAndSignIn("ops-resident").accessToken())
                .statusCode())
        .isEqualTo(403);
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }

  private void produce(String topic, int count) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get();
      }
    }
  }

  private void commit(String group, TopicPartition partition, long offset) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
      consumer.assign(List.of(partition));
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
    }
  }
}
