package io.digitaltowns.api.businesses.search;

import io.digitaltowns.api.businesses.Category;
import java.util.UUID;

/** A listing as a search result shows it. */
record BusinessCard(UUID id, String name, Category category, String summary, String address, boolean featured) {

  record Page(java.util.List<BusinessCard> items, String nextCursor) {
  }
}
