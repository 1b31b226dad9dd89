package io.digitaltowns.readmodels.crm;

import java.time.Instant;

/**
 * A company of the CRM (a business) with its latest deal, as listed.
 *
 * @param status the listing's status (DRAFT, IN_REVIEW, PUBLISHED, REJECTED, UNPUBLISHED, DELETED)
 * @param ownerName null once the owner deleted their account
 * @param dealStatus the latest subscription's Stripe status (active, trialing, past_due, canceled,
 *     ended), or null
 * @param revenueMinor everything its subscriptions brought, in the currency's minor unit
 */
public record CrmCompany(
    String id,
    String name,
    String category,
    String status,
    String townId,
    String ownerId,
    String ownerName,
    String ownerEmail,
    String dealStatus,
    long revenueMinor,
    String currency,
    Instant createdAt,
    Instant updatedAt) {}
