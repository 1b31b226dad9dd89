package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.Category;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A listing as its owner writes it (create and full update). */
public record BusinessRequest(
    @NotNull UUID townId,
    @NotBlank @Size(max = 120) String name,
    @NotNull Category category,
    @Size(max = 5000) String description,
    @Size(max = 300) String address,
    @Size(max = 40)
        @Pattern(
            regexp = "[+0-9 ()./-]*",
            message = "may contain digits, spaces and + ( ) . / - only")
        String phone,
    @Size(max = 300) @WebsiteUrl String website,
    Map<DayOfWeek, @Size(max = 4) List<@Valid @NotNull OpeningPeriod>> openingHours,
    @Valid Location location) {}
