package io.digitaltowns.api.site.layout;

import io.digitaltowns.api.security.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Absolute addresses of pages (PUBLIC_BASE_URL), for link previews, canonical links and the
 * sitemap.
 */
@Component
public class SiteLinks {

  private final String base;

  SiteLinks(SiteProperties site) {
    String url = site.publicBaseUrl().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** {@code path} starts with a slash. */
  public String absolute(String path) {
    return base + path;
  }
}
