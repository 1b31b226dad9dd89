package io.digitaltowns.api.businesses.review;

import io.digitaltowns.api.accounts.AccountContacts;
import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.Caller;
import io.digitaltowns.api.businesses.listing.StatusConflictException;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessRejected;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins approve (publish) or reject, with a reason, what owners submitted. */
@Service
public class BusinessReview {

  private final BusinessListings listings;
  private final AccountContacts contacts;
  private final OutboxWriter events;

  BusinessReview(BusinessListings listings, AccountContacts contacts, OutboxWriter events) {
    this.listings = listings;
    this.contacts = contacts;
    this.events = events;
  }

  @Transactional
  public Business approve(Caller admin, UUID id, String traceId) {
    Business business = inReview(admin, id, "approved");
    listings.recordReview(id, BusinessStatus.PUBLISHED, null);
    AccountContacts.Contact owner = contacts.of(business.ownerId()).orElseThrow();
    events.publish(
        id,
        traceId,
        BusinessApproved.newBuilder()
            .setTownId(business.townId().toString())
            .setName(business.name())
            .setCategory(business.category().name())
            .setOwnerId(owner.userId().toString())
            .setOwnerEmail(owner.email())
            .setOwnerName(owner.displayName())
            .setApprovedBy(admin.userId().toString()));
    return listings.visibleTo(admin, id);
  }

  @Transactional
  public Business reject(Caller admin, UUID id, String reason, String traceId) {
    Business business = inReview(admin, id, "rejected");
    listings.recordReview(id, BusinessStatus.REJECTED, reason.trim());
    AccountContacts.Contact owner = contacts.of(business.ownerId()).orElseThrow();
    events.publish(
        id,
        traceId,
        BusinessRejected.newBuilder()
            .setTownId(business.townId().toString())
            .setName(business.name())
            .setCategory(business.category().name())
            .setOwnerId(owner.userId().toString())
            .setOwnerEmail(owner.email())
            .setOwnerName(owner.displayName())
            .setRejectedBy(admin.userId().toString())
            .setReason(reason.trim()));
    return listings.visibleTo(admin, id);
  }

  private Business inReview(Caller admin, UUID id, String step) {
    Business business = listings.changeableBy(admin, id);
    if (business.status() != BusinessStatus.IN_REVIEW) {
      throw new StatusConflictException(step, business.status());
    }
    return business;
  }
}
