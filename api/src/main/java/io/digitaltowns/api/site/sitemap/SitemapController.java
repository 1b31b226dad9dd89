package io.digitaltowns.api.site.sitemap;

import io.digitaltowns.api.businesses.search.BusinessCard;
import io.digitaltowns.api.businesses.search.BusinessSearch;
import io.digitaltowns.api.site.layout.Browsing;
import io.digitaltowns.api.site.layout.SiteLinks;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.Towns;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** /sitemap.xml: the home page, every town and every published business, for search engines. */
@Controller
@Browsing
class SitemapController {

  /** A sitemap file holds at most 50,000 addresses. */
  private static final int MAX_URLS = 50_000;

  private static final int BATCH = 100;

  private final Towns towns;
  private final BusinessSearch search;
  private final SiteLinks links;

  SitemapController(Towns towns, BusinessSearch search, SiteLinks links) {
    this.towns = towns;
    this.search = search;
    this.links = links;
  }

  @GetMapping("/sitemap.xml")
  ResponseEntity<String> sitemap() {
    List<String> urls = new ArrayList<>();
    urls.add(links.absolute("/"));
    for (Town town : towns.all()) {
      urls.add(links.absolute("/towns/" + town.slug()));
      String cursor = null;
      do {
        BusinessCard.Page page = search.search(town.slug(), null, null, false, cursor, BATCH);
        page.items().forEach(card -> urls.add(links.absolute("/businesses/" + card.id())));
        cursor = page.nextCursor();
      } while (cursor != null && urls.size() < MAX_URLS);
    }
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    urls.stream()
        .limit(MAX_URLS)
        .forEach(
            url ->
                xml.append("  <url><loc>")
                    .append(HtmlUtils.htmlEscape(url))
                    .append("</loc></url>\n"));
    xml.append("</urlset>\n");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
  }
}
