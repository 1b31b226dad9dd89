package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.accounts.AccountContacts;
import io.digitaltowns.api.accounts.AccountRoles;
import io.digitaltowns.api.accounts.Role;
import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.ListingDeletionListener;
import io.digitaltowns.api.outbox.OutboxWriter;
import io.digitaltowns.api.towns.Towns;
import io.digitaltowns.api.web.FieldProblem;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.events.businesses.BusinessUpdated;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/** The owner's side of a listing: create, edit, submit for review, unpublish, delete. */
@Service
public class BusinessListings {

  private final BusinessStore store;
  private final Towns towns;
  private final AccountRoles roles;
  private final AccountContacts contacts;
  private final OutboxWriter events;
  private final List<ListingDeletionListener> deletionListeners;

  BusinessListings(
      BusinessStore store,
      Towns towns,
      AccountRoles roles,
      AccountContacts contacts,
      OutboxWriter events,
      List<ListingDeletionListener> deletionListeners) {
    this.store = store;
    this.towns = towns;
    this.roles = roles;
    this.contacts = contacts;
    this.events = events;
    this.deletionListeners = deletionListeners;
  }

  @Transactional
  public Business create(Caller caller, BusinessRequest request, String traceId) {
    requireTown(request.townId());
    UUID id = UUID.randomUUID();
    store.insert(id, caller.userId(), request);
    roles.grant(caller.userId(), Role.BUSINESS_OWNER, traceId);
    AccountContacts.Contact owner = contacts.of(caller.userId()).orElseThrow();
    events.publish(
        id,
        traceId,
        BusinessCreated.newBuilder()
            .setTownId(request.townId().toString())
            .setName(request.name().trim())
            .setCategory(request.category().name())
            .setOwnerId(owner.userId().toString())
            .setOwnerEmail(owner.email())
            .setOwnerName(owner.displayName()));
    return store.find(id).orElseThrow();
  }

  /** What a caller may see: published listings, or their own, or anything for an admin. */
  @Transactional(readOnly = true)
  public Business visibleTo(Caller caller, UUID id) {
    Business business = store.find(id).orElseThrow(BusinessNotFoundException::new);
    if (business.status() != BusinessStatus.PUBLISHED && !caller.mayChange(business)) {
      throw new BusinessNotFoundException();
    }
    return business;
  }

  /** The listing, if the caller may change it. */
  @Transactional
  public Business changeableBy(Caller caller, UUID id) {
    Business business = store.lock(id).orElseThrow(BusinessNotFoundException::new);
    if (!caller.mayChange(business)) {
      if (business.status() != BusinessStatus.PUBLISHED) {
        throw new BusinessNotFoundException();
      }
      throw new NotYourBusinessException();
    }
    return business;
  }

  @Transactional(readOnly = true)
  public List<Business> ownedBy(Caller caller) {
    return store.ownedBy(caller.userId());
  }

  /**
   * An owner's change to what admins vet ({@link ReviewedContent}: all but the opening hours) sends
   * a public listing back to review, and keeps one under review there. An admin's own edit is
   * vetted by its author and leaves the status as it is.
   */
  @Transactional
  public Business update(Caller caller, UUID id, BusinessRequest request, String traceId) {
    Business before = changeableBy(caller, id);
    requireTown(request.townId());
    boolean vetted =
        !caller.admin() && !ReviewedContent.of(before).equals(ReviewedContent.of(request));
    boolean backToReview =
        vetted
            && EnumSet.of(BusinessStatus.PUBLISHED, BusinessStatus.IN_REVIEW)
                .contains(before.status());
    BusinessStatus status = backToReview ? BusinessStatus.IN_REVIEW : before.status();
    store.update(id, request, status);
    events.publish(
        id,
        traceId,
        BusinessUpdated.newBuilder()
            .setTownId(request.townId().toString())
            .setName(request.name().trim())
            .setCategory(request.category().name())
            .setStatus(status.name())
            .setBackToReview(backToReview && before.status() == BusinessStatus.PUBLISHED));
    return store.find(id).orElseThrow();
  }

  @Transactional
  public Business submit(Caller caller, UUID id, String traceId) {
    Business business = changeableBy(caller, id);
    if (!EnumSet.of(BusinessStatus.DRAFT, BusinessStatus.REJECTED, BusinessStatus.UNPUBLISHED)
        .contains(business.status())) {
      throw new StatusConflictException("submitted for review", business.status());
    }
    store.setStatus(id, BusinessStatus.IN_REVIEW, null);
    AccountContacts.Contact owner = contacts.of(business.ownerId()).orElseThrow();
    events.publish(
        id,
        traceId,
        BusinessSubmitted.newBuilder()
            .setTownId(business.townId().toString())
            .setName(business.name())
            .setCategory(business.category().name())
            .setOwnerId(owner.userId().toString())
            .setOwnerEmail(owner.email())
            .setOwnerName(owner.displayName()));
    return store.find(id).orElseThrow();
  }

  @Transactional
  public Business unpublish(Caller caller, UUID id, String traceId) {
    Business business = changeableBy(caller, id);
    if (business.status() != BusinessStatus.PUBLISHED) {
      throw new StatusConflictException("unpublished", business.status());
    }
    store.setStatus(id, BusinessStatus.UNPUBLISHED, null);
    events.publish(
        id,
        traceId,
        BusinessUnpublished.newBuilder()
            .setTownId(business.townId().toString())
            .setName(business.name())
            .setCategory(business.category().name()));
    return store.find(id).orElseThrow();
  }

  @Transactional
  void delete(Caller caller, UUID id, String traceId) {
    delete(changeableBy(caller, id), false, traceId);
  }

  /**
   * Deletes every listing of an account that is being deleted, in the caller's transaction, each
   * with its {@code BusinessDeleted} (so its subscriptions are canceled and its photos deleted like
   * any other deletion).
   *
   * @return the ids of the deleted listings
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<UUID> deleteAllOwnedBy(UUID ownerId, String traceId) {
    List<UUID> deleted = new ArrayList<>();
    for (Business owned : store.ownedBy(ownerId)) {
      store
          .lock(owned.id())
          .ifPresent(
              business -> {
                delete(business, true, traceId);
                deleted.add(business.id());
              });
    }
    return deleted;
  }

  private void delete(Business business, boolean withAccount, String traceId) {
    UUID id = business.id();
    BusinessDeleted.Builder deletion =
        BusinessDeleted.newBuilder()
            .setTownId(business.townId().toString())
            .setWithAccount(withAccount);
    deletionListeners.forEach(listener -> listener.beforeDelete(id, traceId, deletion));
    store.delete(id);
    events.publish(id, traceId, deletion);
  }

  /** An admin's review decision; the caller has checked the listing was in review. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordReview(UUID id, BusinessStatus outcome, String rejectionReason) {
    store.setStatus(id, outcome, rejectionReason);
  }

  private void requireTown(UUID townId) {
    if (towns.byId(townId).isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "There is no town with this id.");
      problem.setTitle("Invalid input");
      problem.setProperty("errors", List.of(new FieldProblem("townId", "is not a known town")));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
  }
}
