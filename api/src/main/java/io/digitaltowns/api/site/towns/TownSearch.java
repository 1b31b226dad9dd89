package io.digitaltowns.api.site.towns;

import io.digitaltowns.api.businesses.Category;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the town page's search form asks for; builds the links that repeat it (show more).
 *
 * @param category null for every category
 */
public record TownSearch(String slug, String words, Category category, boolean openNow) {

  public String wordsOrEmpty() {
    return words == null ? "" : words;
  }

  public boolean filtered() {
    return (words != null && !words.isBlank()) || category != null || openNow;
  }

  /** The link to the page of results after {@code cursor}. */
  public String moreLink(String cursor) {
    List<String> query = new ArrayList<>();
    if (words != null && !words.isBlank()) {
      query.add("q=" + encode(words));
    }
    if (category != null) {
      query.add("category=" + category.name());
    }
    if (openNow) {
      query.add("openNow=true");
    }
    query.add("cursor=" + encode(cursor));
    return "/towns/" + encode(slug) + "?" + String.join("&", query);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
