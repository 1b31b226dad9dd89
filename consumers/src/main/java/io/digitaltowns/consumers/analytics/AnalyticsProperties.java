package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.catalog.ConsumerGroup;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analytics group ({@code digitaltowns.consumers.analytics}).
 *
 * @param enabled whether the topology and the sink into PostgreSQL run ({@code
 *     CONSUMER_ANALYTICS_ENABLED})
 * @param applicationId Kafka Streams application id: consumer group, prefix of the internal topics
 *     and transactional ids
 * @param stateDir where the local state stores live ({@code ANALYTICS_STATE_DIR}); losing it costs
 *     a restore from the changelog topics, nothing else
 * @param replicationFactor of the internal topics (changelogs, repartition); -1 takes the broker's
 *     default
 * @param threads stream threads of this instance
 * @param standbyReplicas warm copies of each state store kept by other instances ({@code
 *     ANALYTICS_STANDBY_REPLICAS}): when an instance leaves, the one taking over its tasks has the
 *     state already instead of restoring it from the changelog; no effect with one instance
 */
@ConfigurationProperties("digitaltowns.consumers.analytics")
public record AnalyticsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue(ConsumerGroup.Names.ANALYTICS) String applicationId,
    Path stateDir,
    @DefaultValue("-1") int replicationFactor,
    @DefaultValue("1") int threads,
    @DefaultValue("1") int standbyReplicas) {}
