package io.digitaltowns.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.digitaltowns.relay.RelayProperties;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Both relay modes (Debezium and polling) send through the producer OutboxRelay builds: on a
 * cluster, a record the relay counts as sent (and so the offset or the deleted outbox row behind
 * it) must be on min.insync.replicas brokers.
 */
class RelayProducerGuaranteesTest {

  @Test
  void the_relay_producer_waits_for_every_in_sync_replica_and_is_idempotent() {
    ProducerConfig effective = effective(Map.of());

    assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
    assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
    assertThat(effective.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION))
        .isLessThanOrEqualTo(5);
  }

  @Test
  void a_client_setting_cannot_weaken_acks_or_idempotence() {
    ProducerConfig effective =
        effective(
            Map.of(
                "digitaltowns.relay.kafka.properties[acks]", "1",
                "digitaltowns.relay.kafka.properties[enable.idempotence]", "false"));

    assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
    assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
  }

  @Test
  void the_producer_batches_up_to_256_kilobytes_per_partition_unless_told_otherwise() {
    assertThat(effective(Map.of()).getInt(ProducerConfig.BATCH_SIZE_CONFIG)).isEqualTo(262_144);
    assertThat(
            effective(Map.of("digitaltowns.relay.kafka.batch-size", "16KB"))
                .getInt(ProducerConfig.BATCH_SIZE_CONFIG))
        .isEqualTo(16_384);
  }

  private static ProducerConfig effective(Map<String, String> configuration) {
    RelayProperties relay =
        new Binder(new MapConfigurationPropertySource(configuration))
            .bindOrCreate("digitaltowns.relay", RelayProperties.class);
    return new ProducerConfig(new OutboxRelay(relay, null, null, null).producerConfig());
  }
}
