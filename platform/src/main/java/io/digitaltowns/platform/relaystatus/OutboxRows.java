package io.digitaltowns.platform.relaystatus;

import java.time.Instant;

/**
 * The rows in the outbox table: waiting to be relayed, or (Debezium mode) relayed and kept until
 * the clean-up.
 *
 * @param oldest the {@code occurred_at} of the oldest row, or null when the table is empty
 */
public record OutboxRows(long rows, Instant oldest) {}
