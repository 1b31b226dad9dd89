package io.digitaltowns.api.site.towns;

import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.businesses.search.BusinessCard;
import io.digitaltowns.api.businesses.search.BusinessSearch;
import io.digitaltowns.api.site.layout.Browsing;
import io.digitaltowns.api.site.layout.PageMeta;
import io.digitaltowns.api.site.layout.SiteLinks;
import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.TownNotFoundException;
import io.digitaltowns.api.towns.Towns;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A town's page: its published businesses (featured first), searched by words, filtered by category
 * and open now, paged with a cursor. "Show more" is a plain link; with htmx it appends the next
 * page in place.
 */
@Controller
@Browsing
class TownPageController {

  static final int PAGE_SIZE = 20;

  private final Towns towns;
  private final BusinessSearch search;
  private final SiteLinks links;

  TownPageController(Towns towns, BusinessSearch search, SiteLinks links) {
    this.towns = towns;
    this.search = search;
    this.links = links;
  }

  @GetMapping("/towns/{slug}")
  String town(
      @PathVariable String slug,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "false") boolean openNow,
      @RequestParam(required = false) String cursor,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    Town town = towns.bySlug(slug).orElseThrow(TownNotFoundException::new);
    String words =
        q == null || q.isBlank() ? null : q.strip().substring(0, Math.min(q.strip().length(), 200));
    TownSearch asked = new TownSearch(slug, words, categoryNamed(category), openNow);
    BusinessCard.Page page =
        search.search(slug, asked.words(), asked.category(), openNow, cursor, PAGE_SIZE);
    model.addAttribute("search", asked);
    model.addAttribute("page", page);
    if ("true".equals(htmx) && cursor != null) {
      return "towns/results";
    }
    model.addAttribute("town", town);
    model.addAttribute("categories", List.of(Category.values()));
    model.addAttribute("continued", cursor != null);
    model.addAttribute(
        "meta",
        PageMeta.shared(
            "Businesses in " + town.name(),
            "Shops, cafés and services in "
                + town.name()
                + ", "
                + town.region()
                + ": opening hours, addresses and how to reach them.",
            links.absolute("/towns/" + town.slug()),
            null));
    return "towns/town";
  }

  /** An unknown category (an old link, a typo) shows every category rather than an error. */
  private static Category categoryNamed(String name) {
    return Arrays.stream(Category.values())
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElse(null);
  }
}
