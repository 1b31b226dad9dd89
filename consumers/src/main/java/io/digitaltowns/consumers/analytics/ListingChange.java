package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessRejected;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.events.businesses.BusinessUpdated;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one event says about a listing: its status (with town and category) from
 * dt.businesses.events, or whether it is paid for from dt.billing.events. {@code status} and {@code
 * paid} are null when the event says nothing about them.
 */
record ListingChange(
    String businessId,
    long occurredAt,
    String townId,
    String category,
    String status,
    Boolean paid) {

  static final String DELETED = "DELETED";

  /**
   * The change the event makes, or null for events that do not touch listing figures (photos,
   * contacts...).
   */
  static ListingChange of(SpecificRecord event) {
    if (event instanceof BusinessCreated e) {
      return status(
          e.getAggregateId(),
          e.getOccurredAt().toEpochMilli(),
          e.getTownId(),
          e.getCategory(),
          "DRAFT");
    } else if (event instanceof BusinessSubmitted e) {
      return status(
          e.getAggregateId(),
          e.getOccurredAt().toEpochMilli(),
          e.getTownId(),
          e.getCategory(),
          "IN_REVIEW");
    } else if (event instanceof BusinessApproved e) {
      return status(
          e.getAggregateId(),
          e.getOccurredAt().toEpochMilli(),
          e.getTownId(),
          e.getCategory(),
          "PUBLISHED");
    } else if (event instanceof BusinessRejected e) {
      return status(
          e.getAggregateId(),
          e.getOccurredAt().toEpochMilli(),
          e.getTownId(),
          e.getCategory(),
          "REJECTED");
    } else if (event instanceof BusinessUnpublished e) {
      return status(
          e.getAggregateId(),
          e.getOccurredAt().toEpochMilli(),
          e.getTownId(),
          e.getCategory(),
          "UNPUBLISHED");
    } else if (event instanceof BusinessUpdated e) {
      return status(
          e.getAggregateId(),
          e.getOccurredAt().toEpochMilli(),
          e.getTownId(),
          e.getCategory(),
          e.getStatus());
    } else if (event instanceof BusinessDeleted e) {
      return status(
          e.getAggregateId(), e.getOccurredAt().toEpochMilli(), e.getTownId(), null, DELETED);
    } else if (event instanceof SubscriptionActivated e) {
      return paid(e.getBusinessId(), e.getOccurredAt().toEpochMilli(), true);
    } else if (event instanceof SubscriptionRenewed e) {
      return paid(e.getBusinessId(), e.getOccurredAt().toEpochMilli(), true);
    } else if (event instanceof SubscriptionEnded e) {
      return paid(e.getBusinessId(), e.getEndedAt().toEpochMilli(), false);
    }
    return null;
  }

  private static ListingChange status(
      String businessId, long at, String townId, String category, String status) {
    return new ListingChange(businessId, at, townId, category, status, null);
  }

  private static ListingChange paid(String businessId, long at, boolean paid) {
    return new ListingChange(businessId, at, null, null, null, paid);
  }
}
