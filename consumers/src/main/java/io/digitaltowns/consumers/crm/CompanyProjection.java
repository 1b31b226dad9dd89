package io.digitaltowns.consumers.crm;

import io.digitaltowns.consumers.events.EventHandler;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessRejected;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.events.businesses.BusinessUpdated;
import io.digitaltowns.readmodels.crm.Activity;
import io.digitaltowns.readmodels.crm.ActivityKind;
import io.digitaltowns.readmodels.crm.Companies;
import io.digitaltowns.readmodels.crm.Timeline;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The companies (crm_view_companies) from a listing's life: each step sets the company's status,
 * and all but an edit leave an entry on its timeline.
 */
@Component
class CompanyProjection implements CrmProjection {

  private final Companies companies;
  private final Timeline timeline;

  CompanyProjection(Companies companies, Timeline timeline) {
    this.companies = companies;
    this.timeline = timeline;
  }

  @Override
  public List<EventHandler<?>> handlers() {
    return List.of(
        EventHandler.of(BusinessCreated.class, this::created),
        EventHandler.of(BusinessUpdated.class, this::updated),
        EventHandler.of(BusinessSubmitted.class, this::submitted),
        EventHandler.of(BusinessApproved.class, this::approved),
        EventHandler.of(BusinessRejected.class, this::rejected),
        EventHandler.of(BusinessUnpublished.class, this::unpublished),
        EventHandler.of(BusinessDeleted.class, this::deleted));
  }

  /** A new listing: a company in DRAFT, and the first entry of its timeline. */
  void created(BusinessCreated event) {
    companies.upsert(
        new Companies.Listing(
            event.getAggregateId(),
            event.getTownId(),
            event.getName(),
            event.getCategory(),
            event.getOwnerId(),
            event.getOwnerName(),
            event.getOwnerEmail()),
        "DRAFT",
        event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.LISTING_CREATED,
                "Listing created as a draft")
            .business(event.getAggregateId())
            .actor(event.getOwnerId(), null));
  }

  /**
   * The owner edited the listing: the company takes its new name, category and status (no timeline
   * entry: edits are frequent and say little).
   */
  void updated(BusinessUpdated event) {
    companies.upsert(
        new Companies.Listing(
            event.getAggregateId(),
            event.getTownId(),
            event.getName(),
            event.getCategory(),
            null,
            null,
            null),
        event.getStatus(),
        event.getOccurredAt());
  }

  /** The owner asked for review. */
  void submitted(BusinessSubmitted event) {
    companies.upsert(
        new Companies.Listing(
            event.getAggregateId(),
            event.getTownId(),
            event.getName(),
            event.getCategory(),
            event.getOwnerId(),
            event.getOwnerName(),
            event.getOwnerEmail()),
        "IN_REVIEW",
        event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.SUBMITTED,
                "Submitted for review")
            .business(event.getAggregateId())
            .actor(event.getOwnerId(), null));
  }

  /** An admin approved the listing: the company is published. */
  void approved(BusinessApproved event) {
    companies.upsert(
        new Companies.Listing(
            event.getAggregateId(),
            event.getTownId(),
            event.getName(),
            event.getCategory(),
            event.getOwnerId(),
            event.getOwnerName(),
            event.getOwnerEmail()),
        "PUBLISHED",
        event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.APPROVED,
                "Approved and published")
            .business(event.getAggregateId())
            .actor(event.getApprovedBy(), null));
  }

  /** An admin rejected the listing; the reason is on the timeline. */
  void rejected(BusinessRejected event) {
    companies.upsert(
        new Companies.Listing(
            event.getAggregateId(),
            event.getTownId(),
            event.getName(),
            event.getCategory(),
            event.getOwnerId(),
            event.getOwnerName(),
            event.getOwnerEmail()),
        "REJECTED",
        event.getOccurredAt());
    timeline.record(
        Activity.of(event.getEventId(), event.getOccurredAt(), ActivityKind.REJECTED, "Rejected")
            .business(event.getAggregateId())
            .actor(event.getRejectedBy(), null)
            .detail(event.getReason()));
  }

  /** The owner took the listing off the public pages. */
  void unpublished(BusinessUnpublished event) {
    companies.upsert(
        new Companies.Listing(
            event.getAggregateId(),
            event.getTownId(),
            event.getName(),
            event.getCategory(),
            null,
            null,
            null),
        "UNPUBLISHED",
        event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.UNPUBLISHED,
                "Unpublished by its owner")
            .business(event.getAggregateId()));
  }

  /** The listing was deleted; the company stays in the CRM, as DELETED, with its history. */
  void deleted(BusinessDeleted event) {
    companies.status(event.getAggregateId(), "DELETED", event.getOccurredAt());
    timeline.record(
        Activity.of(
                event.getEventId(),
                event.getOccurredAt(),
                ActivityKind.LISTING_DELETED,
                "Listing deleted")
            .business(event.getAggregateId()));
  }
}
