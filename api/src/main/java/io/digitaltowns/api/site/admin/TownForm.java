package io.digitaltowns.api.site.admin;

import io.digitaltowns.api.towns.Town;
import io.digitaltowns.api.towns.admin.TownRequest;
import java.time.ZoneId;
import java.util.List;

/** The town form's fields as typed, shown again with the errors when they are refused. */
public record TownForm(String name, String slug, String region, String timezone) {

  /** The IANA zones offered (Region/City ids; the same rule as the API's check), sorted. */
  public static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(
              zone ->
                  zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
          .sorted()
          .toList();

  static TownForm empty() {
    return new TownForm("", "", "", "Europe/London");
  }

  static TownForm of(Town town) {
    return new TownForm(
        town.name(), town.slug(), town.region() == null ? "" : town.region(), town.timezone());
  }

  /** What the API would receive, checked with its constraints. */
  TownRequest request() {
    return new TownRequest(strip(name), strip(slug), strip(region), strip(timezone));
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
