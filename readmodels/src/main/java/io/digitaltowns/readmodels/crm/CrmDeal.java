package io.digitaltowns.readmodels.crm;

import java.time.Instant;

/**
 * A subscription of a company: its state and the revenue it brought (minor unit of {@code
 * currency}).
 */
public record CrmDeal(
    String subscriptionId,
    String status,
    Instant currentPeriodEnd,
    Instant cancelAt,
    long revenueMinor,
    String currency,
    Instant startedAt,
    Instant endedAt) {}
