package io.digitaltowns.api.site.businesses;

import io.digitaltowns.api.businesses.listing.Location;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A plain link to OpenStreetMap: the page itself loads nothing from another host. */
final class MapLink {

  private MapLink() {}

  /** The map at the listing's location, else a search for its address, else null. */
  static String of(Location location, String address) {
    if (location != null && location.latitude() != null && location.longitude() != null) {
      String lat = String.format(Locale.ROOT, "%.6f", location.latitude());
      String lon = String.format(Locale.ROOT, "%.6f", location.longitude());
      return "https://www.openstreetmap.org/?mlat="
          + lat
          + "&mlon="
          + lon
          + "#map=18/"
          + lat
          + "/"
          + lon;
    }
    if (address != null && !address.isBlank()) {
      return "https://www.openstreetmap.org/search?query="
          + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }
    return null;
  }
}
