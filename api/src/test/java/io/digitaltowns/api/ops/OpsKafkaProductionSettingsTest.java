package io.digitaltowns.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.api.ops.OpsStatus.ConsumerGroupStatus;
import io.digitaltowns.api.ops.OpsStatus.KafkaStatus;
import io.digitaltowns.infra.LocalStack;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The ops page's consumer-lag panel as production configures it: api.yml with the prod profile and
 * nothing but the environment variables render.yaml gives the web service (KAFKA_* taken from the
 * relay). Issue 19: the web service had none of them and the panel said "not configured".
 */
class OpsKafkaProductionSettingsTest {

  private final String bootstrap = LocalStack.shared().kafkaBootstrapServers();

  @Test
  void with_the_relays_kafka_variables_the_prod_panel_reads_each_groups_lag() throws Exception {
    String topic = "ops-prod-" + UUID.randomUUID().toString().substring(0, 8);
    String group = topic + "-group";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      produce(topic, 3);
      admin
          .alterConsumerGroupOffsets(
              group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)))
          .all()
          .get();
    }

    KafkaStatus kafka =
        reader(
                prodOpsSettings(
                    Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                        "KAFKA_SECURITY_PROTOCOL", "PLAINTEXT",
                        "KAFKA_SASL_MECHANISM", "PLAIN",
                        "KAFKA_SASL_JAAS_CONFIG", "")))
            .read();

    assertThat(kafka.error()).isNull();
    assertThat(kafka.consumerGroups())
        .filteredOn(status -> status.group().equals(group))
        .singleElement()
        .extracting(ConsumerGroupStatus::totalLag)
        .isEqualTo(2L);
  }

  @Test
  void the_relays_security_settings_reach_the_panels_kafka_client() throws IOException {
    OpsProperties ops =
        prodOpsSettings(
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker.example:9092",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;"));

    assertThat(ops.kafkaBootstrapServers()).isEqualTo("broker.example:9092");
    assertThat(ops.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;");
  }

  @Test
  void without_the_variables_the_prod_panel_says_kafka_is_not_configured() throws IOException {
    assertThat(reader(prodOpsSettings(Map.of())).read().error()).startsWith("not configured");
  }

  private static KafkaStatusReader reader(OpsProperties ops) {
    return new KafkaStatusReader(ops, new OpsKafka(ops));
  }

  /**
   * digitaltowns.ops bound as the api binds it with SPRING_PROFILES_ACTIVE=prod, from these
   * variables only.
   */
  private static OpsProperties prodOpsSettings(Map<String, Object> variables) throws IOException {
    List<PropertySource<?>> documents =
        new YamlPropertySourceLoader().load("api.yml", new ClassPathResource("api.yml"));
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("render-web-service", variables));
    // the prod document outranks the default one, as Spring Boot orders profile documents
    for (int i = documents.size() - 1; i >= 0; i--) {
      PropertySource<?> document = documents.get(i);
      if (document.getProperty("spring.config.activate.on-profile") == null
          || "prod"
              .equals(String.valueOf(document.getProperty("spring.config.activate.on-profile")))) {
        environment.getPropertySources().addLast(document);
      }
    }
    return Binder.get(environment).bind("digitaltowns.ops", OpsProperties.class).get();
  }

  private void produce(String topic, int count) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get();
      }
    }
  }
}
