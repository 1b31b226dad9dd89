package io.digitaltowns.readmodels.crm;

import java.time.Instant;

/**
 * One entry of a timeline, from one event.
 *
 * @param id the event's id
 * @param kind SIGNED_UP, LISTING_CREATED, SUBMITTED, APPROVED, REJECTED, UNPUBLISHED,
 *     LISTING_DELETED, MESSAGE_RECEIVED, SUBSCRIPTION_ACTIVATED, SUBSCRIPTION_RENEWED,
 *     PAYMENT_FAILED, SUBSCRIPTION_CANCELED, SUBSCRIPTION_ENDED, NOTE, SUSPENDED, REINSTATED
 * @param actorName who acted, where the event names them (a message's sender, a note's author)
 * @param detail a message's or note's text, a rejection's reason
 * @param referenceId the message, note, subscription or invoice it is about
 */
public record TimelineEntry(
    String id,
    String kind,
    Instant occurredAt,
    String summary,
    String businessId,
    String userId,
    String actorId,
    String actorName,
    String detail,
    Long amountMinor,
    String currency,
    String referenceId) {}
