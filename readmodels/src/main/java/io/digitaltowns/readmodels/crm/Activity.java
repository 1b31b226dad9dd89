package io.digitaltowns.readmodels.crm;

import java.time.Instant;

/**
 * One entry of the CRM timeline, keyed by the event it came from. The summary never carries
 * personal data (names and message texts go in {@code actorName} and {@code detail}, which erasure
 * clears).
 *
 * @param businessId the company it belongs to, or null for a contact's own activity (a sign-up)
 * @param userId the contact it concerns (the sender of a message, the user who signed up), if any
 */
public record Activity(
    String eventId,
    Instant occurredAt,
    ActivityKind kind,
    String summary,
    String businessId,
    String userId,
    String actorId,
    String actorName,
    String detail,
    Long amountMinor,
    String currency,
    String referenceId) {

  public static Activity of(String eventId, Instant occurredAt, ActivityKind kind, String summary) {
    return new Activity(
        eventId, occurredAt, kind, summary, null, null, null, null, null, null, null, null);
  }

  public Activity business(String id) {
    return new Activity(
        eventId,
        occurredAt,
        kind,
        summary,
        id,
        userId,
        actorId,
        actorName,
        detail,
        amountMinor,
        currency,
        referenceId);
  }

  public Activity user(String id) {
    return new Activity(
        eventId,
        occurredAt,
        kind,
        summary,
        businessId,
        id,
        actorId,
        actorName,
        detail,
        amountMinor,
        currency,
        referenceId);
  }

  public Activity actor(String id, String name) {
    return new Activity(
        eventId,
        occurredAt,
        kind,
        summary,
        businessId,
        userId,
        id,
        name,
        detail,
        amountMinor,
        currency,
        referenceId);
  }

  public Activity detail(String text) {
    return new Activity(
        eventId,
        occurredAt,
        kind,
        summary,
        businessId,
        userId,
        actorId,
        actorName,
        text,
        amountMinor,
        currency,
        referenceId);
  }

  public Activity amount(Long minor, String currencyCode) {
    return new Activity(
        eventId,
        occurredAt,
        kind,
        summary,
        businessId,
        userId,
        actorId,
        actorName,
        detail,
        minor,
        currencyCode,
        referenceId);
  }

  public Activity reference(String id) {
    return new Activity(
        eventId,
        occurredAt,
        kind,
        summary,
        businessId,
        userId,
        actorId,
        actorName,
        detail,
        amountMinor,
        currency,
        id);
  }
}
