package io.digitaltowns.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every service answers the platform's probes and Prometheus, each dependency named in its health.
 */
class OperatorEndpointsTest {

  private final LocalSystem system = SharedSystem.get();
  private final ApiClient client = new ApiClient(system.apiUrl());

  @Test
  void the_relay_reports_its_slot_in_health_and_its_throughput_and_latency_in_prometheus() {
    client.register(ApiClient.uniqueEmail("operator"), "Operator Test");

    JsonNode health = ApiClient.read(client.get(system.relayUrl() + "/actuator/health").body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/relay/details/role").asText()).isEqualTo("active");
    assertThat(health.at("/components/relay/details/slotActive").asBoolean()).isTrue();
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String metrics = client.get(system.relayUrl() + "/actuator/prometheus").body();
              assertThat(metrics)
                  .contains(
                      "relay_events_relayed_total",
                      "relay_events_latency_seconds_bucket",
                      "relay_slot_lag_bytes",
                      "relay_outbox_rows");
              assertThat(
                      metrics
                          .lines()
                          .filter(line -> line.startsWith("relay_events_latency_seconds_count"))
                          .mapToDouble(
                              line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                          .sum())
                  .as("events timed from commit to Kafka")
                  .isPositive();
            });
  }

  @Test
  void the_consumers_report_each_dependency_in_health_and_their_counts_in_prometheus() {
    JsonNode health = ApiClient.read(client.get(system.consumersUrl() + "/actuator/health").body());

    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/schemaRegistry/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/mail/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/kafkaListeners/status").asText()).isEqualTo("UP");
    // the local stack runs the backup group against its S3
    assertThat(health.at("/components/backup/status").asText()).isEqualTo("UP");
    client.register(ApiClient.uniqueEmail("metrics"), "Metrics Test");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(client.get(system.consumersUrl() + "/actuator/prometheus").body())
                    .contains(
                        "jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag_max")
                    .containsPattern("dt_consumer_processed_total\\{[^}]*group=\"email\"")
                    .containsPattern("dt_consumer_latency_seconds_bucket\\{[^}]*group=\"email\""));
  }

  @Test
  void the_api_shows_dependencies_to_admins_only_and_stays_simple_on_slash_health() {
    JsonNode anonymous = ApiClient.read(client.get(system.apiUrl() + "/actuator/health").body());
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();
    assertThat(client.get(system.apiUrl() + "/health").statusCode()).isEqualTo(200);
  }
}
