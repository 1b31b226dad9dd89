package io.digitaltowns.api.ops;

import io.digitaltowns.platform.deadletters.Redrive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the operations page looks at. The api writes no domain event to Kafka (the outbox does);
 * here it asks the cluster about consumer groups and dead-letter topics for admins, and sends a
 * dead letter back to its topic when an admin asks (the same rule as {@code ops dlt redrive}).
 *
 * @param kafkaBootstrapServers the cluster the relay and the consumers use (empty: the page shows
 *     Kafka as not configured)
 * @param kafkaProperties client settings (SASL/SSL for managed Kafka), as for the other services
 * @param relaySlotName the relay's replication slot (RELAY_SLOT_NAME, same value as the relay's)
 * @param relayLockId the advisory lock the active relay holds (same value as the relay's)
 * @param timeout how long one question to Kafka may take before the page says "unreachable"
 * @param redriveGroup the consumer group whose offsets record what was redriven; the ops tool's
 *     default, so a record redriven by either is not redriven again by the other
 * @param relayMode the relay's RELAY_MODE (same value as the relay's): in polling mode it uses no
 *     slot
 */
@ConfigurationProperties("digitaltowns.ops")
public record OpsProperties(
    @DefaultValue("") String kafkaBootstrapServers,
    @DefaultValue Map<String, String> kafkaProperties,
    @DefaultValue("dt_outbox_relay") String relaySlotName,
    @DefaultValue("7262003") long relayLockId,
    @DefaultValue("5s") Duration timeout,
    @DefaultValue(Redrive.DEFAULT_GROUP) String redriveGroup,
    @DefaultValue("debezium") RelayMode relayMode) {

  /** How the relay reads the outbox (docs/relay.md). */
  public enum RelayMode {
    DEBEZIUM,
    POLLING
  }
}
