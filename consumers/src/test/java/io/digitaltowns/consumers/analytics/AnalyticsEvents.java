package io.digitaltowns.consumers.analytics;

import io.digitaltowns.events.accounts.EmailVerified;
import io.digitaltowns.events.accounts.SignupMethod;
import io.digitaltowns.events.accounts.UserRegistered;
import io.digitaltowns.events.billing.PaymentFailed;
import io.digitaltowns.events.billing.SubscriptionActivated;
import io.digitaltowns.events.billing.SubscriptionCanceled;
import io.digitaltowns.events.billing.SubscriptionEnded;
import io.digitaltowns.events.billing.SubscriptionRenewed;
import io.digitaltowns.events.businesses.BusinessApproved;
import io.digitaltowns.events.businesses.BusinessContacted;
import io.digitaltowns.events.businesses.BusinessCreated;
import io.digitaltowns.events.businesses.BusinessDeleted;
import io.digitaltowns.events.businesses.BusinessPhotoAdded;
import io.digitaltowns.events.businesses.BusinessSubmitted;
import io.digitaltowns.events.businesses.BusinessUnpublished;
import io.digitaltowns.events.businesses.BusinessUpdated;
import java.time.Instant;
import java.util.UUID;

/**
 * Domain events as the api publishes them, with only what the analytics figures look at varying.
 */
final class AnalyticsEvents {

  private AnalyticsEvents() {}

  static String id() {
    return UUID.randomUUID().toString();
  }

  static UserRegistered registered(String userId, SignupMethod method, Instant at) {
    return UserRegistered.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(userId)
        .setEmail(userId + "@example.org")
        .setDisplayName("Resident")
        .setSignupMethod(method)
        .build();
  }

  static EmailVerified verified(String userId, Instant at) {
    return EmailVerified.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(userId)
        .setEmail(userId + "@example.org")
        .build();
  }

  static BusinessCreated created(String businessId, String townId, String category, Instant at) {
    return BusinessCreated.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId(townId)
        .setName("Shop")
        .setCategory(category)
        .setOwnerId("owner")
        .setOwnerEmail("owner@example.org")
        .setOwnerName("Owner")
        .build();
  }

  static BusinessSubmitted submitted(
      String businessId, String townId, String category, Instant at) {
    return BusinessSubmitted.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId(townId)
        .setName("Shop")
        .setCategory(category)
        .setOwnerId("owner")
        .setOwnerEmail("owner@example.org")
        .setOwnerName("Owner")
        .build();
  }

  static BusinessApproved approved(String businessId, String townId, String category, Instant at) {
    return BusinessApproved.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId(townId)
        .setName("Shop")
        .setCategory(category)
        .setOwnerId("owner")
        .setOwnerEmail("owner@example.org")
        .setOwnerName("Owner")
        .setApprovedBy("admin")
        .build();
  }

  static BusinessUpdated updated(
      String businessId, String townId, String category, String status, Instant at) {
    return BusinessUpdated.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId(townId)
        .setName("Shop")
        .setCategory(category)
        .setStatus(status)
        .build();
  }

  static BusinessUnpublished unpublished(
      String businessId, String townId, String category, Instant at) {
    return BusinessUnpublished.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId(townId)
        .setName("Shop")
        .setCategory(category)
        .build();
  }

  static BusinessDeleted deleted(String businessId, String townId, Instant at) {
    return BusinessDeleted.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId(townId)
        .build();
  }

  static BusinessContacted contacted(String businessId, Instant at) {
    return BusinessContacted.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setTownId("town")
        .setName("Shop")
        .setCategory("bakery")
        .setOwnerId("owner")
        .setOwnerEmail("owner@example.org")
        .setOwnerName("Owner")
        .setMessageId(id())
        .setSenderId("sender")
        .setSenderName("Sender")
        .setSenderEmail("sender@example.org")
        .setMessage("Open on Sunday?")
        .build();
  }

  static BusinessPhotoAdded photoAdded(String businessId, Instant at) {
    return BusinessPhotoAdded.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setPhotoId(id())
        .setObjectKey("photos/" + id())
        .setContentType("image/jpeg")
        .setSizeBytes(1000L)
        .build();
  }

  static SubscriptionActivated activated(
      String businessId, String subscriptionId, Long amount, Instant at) {
    return SubscriptionActivated.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setBusinessId(businessId)
        .setSubscriptionId(subscriptionId)
        .setCustomerId("cus_1")
        .setStatus("active")
        .setCurrentPeriodEnd(at.plusSeconds(30L * 86_400))
        .setAmount(amount)
        .setCurrency(amount == null ? null : "eur")
        .build();
  }

  static SubscriptionRenewed renewed(
      String businessId, String subscriptionId, long amount, Instant at) {
    return SubscriptionRenewed.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setBusinessId(businessId)
        .setSubscriptionId(subscriptionId)
        .setCustomerId("cus_1")
        .setCurrentPeriodEnd(at.plusSeconds(30L * 86_400))
        .setAmount(amount)
        .setCurrency("eur")
        .setInvoiceId("in_" + id())
        .build();
  }

  static PaymentFailed paymentFailed(String businessId, String subscriptionId, Instant at) {
    return PaymentFailed.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setBusinessId(businessId)
        .setSubscriptionId(subscriptionId)
        .setCustomerId("cus_1")
        .setAmount(1900L)
        .setCurrency("eur")
        .build();
  }

  static SubscriptionCanceled canceled(String businessId, String subscriptionId, Instant at) {
    return SubscriptionCanceled.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setBusinessId(businessId)
        .setSubscriptionId(subscriptionId)
        .setCustomerId("cus_1")
        .build();
  }

  static SubscriptionEnded ended(String businessId, String subscriptionId, Instant at) {
    return SubscriptionEnded.newBuilder()
        .setEventId(id())
        .setOccurredAt(at)
        .setAggregateId(businessId)
        .setBusinessId(businessId)
        .setSubscriptionId(subscriptionId)
        .setCustomerId("cus_1")
        .setEndedAt(at)
        .build();
  }
}
