package io.digitaltowns.relay;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the relay reads the outbox and where it writes.
 *
 * @param slotName the logical replication slot; one per relay deployment
 * @param publicationName created by the api's migrations (inserts on {@code outbox} only)
 * @param offsetsTable where Debezium keeps its position, in the same database (created by Debezium
 *     at the first start). Database snapshots leave it out and a restore never brings it back (the
 *     backup module's {@code RelayState} names it): its positions belong to this server's WAL
 * @param lockId PostgreSQL advisory lock id that elects the one active relay
 * @param standbyPoll how often a standby tries to take over
 * @param restartBackoff pause before restarting an engine that failed (Kafka down, say)
 * @param outboxRetention relayed rows are kept this long for inspection, then deleted
 * @param pollInterval how long Debezium sleeps when it finds nothing to relay: at most this is
 *     added to an event's commit→Kafka latency, and each wake-up costs CPU while idle
 * @param kafka bootstrap servers plus any client settings (SASL/SSL for managed Kafka)
 * @param mode {@code debezium} (logical replication) or {@code polling} (reads the table; any
 *     PostgreSQL)
 * @param polling how the polling relay reads the outbox; unused in Debezium mode
 */
@ConfigurationProperties("digitaltowns.relay")
public record RelayProperties(
    @DefaultValue("dt_outbox_relay") String slotName,
    @DefaultValue("dt_outbox") String publicationName,
    @DefaultValue("relay_offsets") String offsetsTable,
    @DefaultValue("7262003") long lockId,
    @DefaultValue("5s") Duration standbyPoll,
    @DefaultValue("5s") Duration restartBackoff,
    @DefaultValue("1h") Duration outboxRetention,
    @DefaultValue("10ms") Duration pollInterval,
    @DefaultValue Kafka kafka,
    @DefaultValue("debezium") RelayMode mode,
    @DefaultValue Polling polling) {

  /**
   * @param bootstrapServers where the relay's producer connects
   * @param properties client settings (SASL/SSL for managed Kafka); they cannot weaken the relay's
   *     acks=all and idempotence
   * @param batchSize most bytes of one partition's records in one produce request. A backlog drain
   *     sends a couple of thousand records at once: at Kafka's default 16 KB every request carried
   *     about 14 of them, each a round trip for the producer and a request for the broker to
   *     handle. A steady trickle sends smaller batches after linger.ms regardless
   */
  public record Kafka(
      @DefaultValue("localhost:9092") String bootstrapServers,
      @DefaultValue Map<String, String> properties,
      @DefaultValue("256KB") DataSize batchSize) {}

  /**
   * @param batchSize rows read, sent and deleted in one transaction: larger batches amortise the
   *     round trips and Kafka's acknowledgement wait, but hold their row locks longer
   * @param idleInterval pause after a poll that found nothing: at most this is added to an event's
   *     commit→Kafka latency; each empty poll is one short transaction on the database
   */
  public record Polling(
      @DefaultValue("500") int batchSize, @DefaultValue("50ms") Duration idleInterval) {}
}
