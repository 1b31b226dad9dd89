package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.Category;
import java.util.UUID;

/**
 * What an admin vets before a listing goes public: everything a resident reads, trusts or acts on
 * (who it is, where it is, how to reach it, what it says). A change to any of it by the owner sends
 * a public listing back to review. Only the opening hours are left out: they change with the
 * seasons, and as times of day they can carry neither a link nor a claim. Values are compared in
 * the form they are stored (trimmed, blank as absent), so re-sending the same listing changes
 * nothing.
 */
record ReviewedContent(
    UUID townId,
    String name,
    Category category,
    String description,
    String address,
    String phone,
    String website,
    Location location) {

  static ReviewedContent of(Business business) {
    return new ReviewedContent(
        business.townId(),
        business.name(),
        business.category(),
        text(business.description()),
        optional(business.address()),
        optional(business.phone()),
        optional(business.website()),
        business.location());
  }

  static ReviewedContent of(BusinessRequest request) {
    return new ReviewedContent(
        request.townId(),
        request.name().trim(),
        request.category(),
        text(request.description()),
        optional(request.address()),
        optional(request.phone()),
        optional(request.website()),
        request.location());
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
