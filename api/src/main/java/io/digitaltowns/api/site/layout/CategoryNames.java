package io.digitaltowns.api.site.layout;

import io.digitaltowns.api.businesses.Category;
import java.util.Locale;

/** How a category reads on a page: {@code HAIR_AND_BEAUTY} is "Hair and beauty". */
public final class CategoryNames {

  private CategoryNames() {}

  public static String of(Category category) {
    String words = category.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
