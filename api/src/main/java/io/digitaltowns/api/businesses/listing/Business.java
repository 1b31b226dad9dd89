package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.Category;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A listing as the API shows it. */
public record Business(
    UUID id,
    UUID townId,
    UUID ownerId,
    String name,
    Category category,
    String description,
    String address,
    String phone,
    String website,
    Map<DayOfWeek, List<OpeningPeriod>> openingHours,
    Location location,
    BusinessStatus status,
    String rejectionReason,
    boolean featured,
    Instant createdAt,
    Instant updatedAt) {}
