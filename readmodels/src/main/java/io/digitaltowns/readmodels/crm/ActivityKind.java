package io.digitaltowns.readmodels.crm;

/**
 * What an entry of the CRM timeline is about; stored by name in {@code crm_view_activities.kind}.
 */
public enum ActivityKind {
  SIGNED_UP,
  SUSPENDED,
  REINSTATED,
  LISTING_CREATED,
  SUBMITTED,
  APPROVED,
  REJECTED,
  UNPUBLISHED,
  LISTING_DELETED,
  MESSAGE_RECEIVED,
  SUBSCRIPTION_ACTIVATED,
  SUBSCRIPTION_RENEWED,
  PAYMENT_FAILED,
  SUBSCRIPTION_CANCELED,
  SUBSCRIPTION_ENDED,
  NOTE,
  // what the clean-up reactions of a deletion did (CleanupTimeline), on the company
  SUBSCRIPTION_CANCELED_AT_STRIPE,
  PHOTOS_DELETED,
  HUBSPOT_CONTACT_ERASED
}
