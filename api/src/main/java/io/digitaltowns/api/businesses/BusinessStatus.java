package io.digitaltowns.api.businesses;

/**
 * Where a listing is in its life. Only PUBLISHED listings are public; the others are seen by their
 * owner and by admins.
 */
public enum BusinessStatus {
  DRAFT,
  IN_REVIEW,
  PUBLISHED,
  REJECTED,
  UNPUBLISHED
}
