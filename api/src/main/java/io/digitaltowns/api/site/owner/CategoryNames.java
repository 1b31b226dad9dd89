package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.Category;
import java.util.Locale;

/** How a category reads on a page: HAIR_AND_BEAUTY is "Hair and beauty". */
public final class CategoryNames {

  private CategoryNames() {}

  public static String of(Category category) {
    String words = category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
