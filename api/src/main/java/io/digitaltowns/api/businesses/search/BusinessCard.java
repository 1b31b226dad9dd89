package io.digitaltowns.api.businesses.search;

import io.digitaltowns.api.businesses.Category;
import java.util.UUID;

/** A listing as a search result shows it. */
public record BusinessCard(
    UUID id, String name, Category category, String summary, String address, boolean featured) {

  public record Page(java.util.List<BusinessCard> items, String nextCursor) {}
}
