package io.digitaltowns.api.site.owner;

import io.digitaltowns.api.businesses.Category;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessRequest;
import io.digitaltowns.api.businesses.listing.Location;
import io.digitaltowns.api.site.layout.FormErrors;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The create / edit form of a listing, as typed. It becomes the API's own {@link BusinessRequest},
 * checked with the same constraints as {@code POST /api/businesses}, so the page accepts exactly
 * what the API accepts.
 */
public record ListingForm(
    String townId,
    String name,
    String category,
    String description,
    String address,
    String phone,
    String website,
    String latitude,
    String longitude,
    WeekHours hours) {

  static ListingForm empty(UUID defaultTown) {
    return new ListingForm(
        defaultTown == null ? "" : defaultTown.toString(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        WeekHours.fromForm(Map.of()));
  }

  static ListingForm fromForm(Map<String, String> fields) {
    return new ListingForm(
        field(fields, "townId"),
        field(fields, "name"),
        field(fields, "category"),
        field(fields, "description"),
        field(fields, "address"),
        field(fields, "phone"),
        field(fields, "website"),
        field(fields, "latitude"),
        field(fields, "longitude"),
        WeekHours.fromForm(fields));
  }

  static ListingForm of(Business business) {
    Location location = business.location();
    return new ListingForm(
        business.townId().toString(),
        business.name(),
        business.category().name(),
        orEmpty(business.description()),
        orEmpty(business.address()),
        orEmpty(business.phone()),
        orEmpty(business.website()),
        location == null ? "" : location.latitude().toString(),
        location == null ? "" : location.longitude().toString(),
        WeekHours.of(business.openingHours()));
  }

  /** The request, or what is wrong with the form field by field. */
  record Checked(BusinessRequest request, FormErrors errors) {}

  Checked check(Validator validator) {
    Map<String, String> problems = new LinkedHashMap<>();
    UUID town = parse(townId, UUID::fromString).orElse(null);
    if (town == null) {
      problems.put("townId", "choose a town");
    }
    Category chosen = parse(category, Category::valueOf).orElse(null);
    if (chosen == null) {
      problems.put("category", "choose a category");
    }
    Location location = location(problems);
    var periods = hours.periods(problems);
    BusinessRequest request =
        new BusinessRequest(
            town,
            name.strip(),
            chosen,
            description.strip(),
            address.strip(),
            phone.strip(),
            website.strip(),
            periods,
            location);
    // the API's constraints; property paths become the form's field names (location.latitude ->
    // latitude)
    FormErrors.check(validator, request)
        .fields()
        .forEach(
            (path, message) ->
                problems.putIfAbsent(
                    path.startsWith("location.") ? path.substring("location.".length()) : path,
                    message));
    return new Checked(request, new FormErrors(problems));
  }

  private Location location(Map<String, String> problems) {
    if (latitude.isBlank() && longitude.isBlank()) {
      return null;
    }
    Optional<Double> lat = parse(latitude, Double::valueOf);
    Optional<Double> lon = parse(longitude, Double::valueOf);
    if (lat.isEmpty()) {
      problems.put("latitude", "must be a number like 51.5072 (give both, or neither)");
    }
    if (lon.isEmpty()) {
      problems.put("longitude", "must be a number like -0.1276 (give both, or neither)");
    }
    return lat.isPresent() && lon.isPresent() ? new Location(lat.get(), lon.get()) : null;
  }

  private static <T> Optional<T> parse(
      String value, java.util.function.Function<String, T> parser) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String field(Map<String, String> fields, String name) {
    return fields.getOrDefault(name, "");
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
