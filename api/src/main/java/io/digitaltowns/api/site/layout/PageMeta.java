package io.digitaltowns.api.site.layout;

/**
 * A page's title and what link previews show (Open Graph).
 *
 * @param title the page's own title; the layout adds the site's name
 * @param description one sentence for search results and previews, or null
 * @param url the page's absolute address for previews, or null for pages nobody shares
 * @param image an absolute image address for previews, or null
 */
public record PageMeta(String title, String description, String url, String image) {

  public static PageMeta titled(String title) {
    return new PageMeta(title, null, null, null);
  }

  public static PageMeta shared(String title, String description, String url, String image) {
    return new PageMeta(title, description, url, image);
  }
}
