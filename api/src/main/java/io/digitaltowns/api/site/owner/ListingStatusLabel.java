package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.listing.Business;

/** How an owner reads a listing's status, and what they may do next. */
public record ListingStatusLabel(String text, String explanation, String badgeClass) {

  public static ListingStatusLabel of(Business business) {
    return switch (business.status()) {
      case DRAFT ->
          new ListingStatusLabel(
              "Draft", "Only you see it. Submit it for review when it is ready.", "badge");
      case IN_REVIEW ->
          new ListingStatusLabel(
              "In review", "An admin checks it before it is published.", "badge");
      case PUBLISHED ->
          new ListingStatusLabel(
              "Published", "Everyone sees it on the town page.", "badge badge-open");
      case REJECTED ->
          new ListingStatusLabel(
              "Rejected",
              "Reason: "
                  + (business.rejectionReason() == null ? "none given" : business.rejectionReason())
                  + ". Change it and submit it again.",
              "badge badge-closed");
      case UNPUBLISHED ->
          new ListingStatusLabel(
              "Unpublished",
              "Taken off the public pages. Submit it for review to publish it again.",
              "badge");
    };
  }

  public static boolean maySubmit(Business business) {
    return business.status() == BusinessStatus.DRAFT
        || business.status() == BusinessStatus.REJECTED
        || business.status() == BusinessStatus.UNPUBLISHED;
  }

  public static boolean mayUnpublish(Business business) {
    return business.status() == BusinessStatus.PUBLISHED;
  }
}
