package io.digitaltowns.consumers.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a consumer retries a record that failed for a reason that may go away (SMTP or database
 * down): exponential backoff from {@code initialInterval} up to {@code maxInterval}, for at most
 * {@code maxElapsed}; after that the record is dead-lettered and can be redriven.
 */
@ConfigurationProperties("digitaltowns.consumers.retry")
public record ConsumerRetryProperties(
    @DefaultValue("1s") Duration initialInterval,
    @DefaultValue("60s") Duration maxInterval,
    @DefaultValue("30m") Duration maxElapsed) {}
